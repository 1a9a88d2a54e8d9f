import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { InternalCallError } from '../internal/internal-client.js';
import type { Logger } from '../logger.js';
import { maskError } from './subgraph-server.js';

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/** What a resolver's error becomes on the wire: Apollo hands formatError the formatted error and the original wrapped. */
function answer(logger: Logger, error: Error) {
  const wrapped = new GraphQLError(error.message, { path: ['placeOrder'], originalError: error });
  return maskError(logger)({ message: error.message, path: ['placeOrder'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
}

describe('the error mask of a subgraph', () => {
  it('answers SERVICE_UNAVAILABLE with a retry hint when another service did not answer, naming no address', () => {
    for (const code of ['UNAVAILABLE', 'TIMEOUT'] as const) {
      const logger = recorder();
      const masked = answer(logger, new InternalCallError(code, 'credit.holdCredit', 'cannot reach http://127.0.0.1:4004'));
      expect(masked).toEqual({
        message: 'A service this request needs is not available right now; try again in a few seconds.',
        path: ['placeOrder'],
        locations: undefined,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
      });
      expect(logger.lines).toEqual(['warn a service this request needed did not answer']);
    }
  });

  it('still hides a refusal by the other service, and any other crash, as INTERNAL_SERVER_ERROR, and logs it', () => {
    for (const error of [new InternalCallError('FAILED', 'credit.holdCredit', 'HTTP 500'), new TypeError('x is undefined')]) {
      const logger = recorder();
      const masked = answer(logger, error);
      expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(masked.message).not.toContain(error.message);
      expect(logger.lines).toEqual(['error unexpected error']);
    }
  });
});
