import express, { type Express } from 'express';

import type { Logger } from '../logger.js';
import type { InternalHandlers, InternalService } from './contracts.js';
import { takeInternalFault } from './faults.js';
import { NonceCache, SERVICE_SIGNATURE_HEADER, verifyServiceCall } from './service-signature.js';

/** Thrown by a handler for input it cannot accept: the caller gets 400 with this message. */
export class InternalInputError extends Error {}

/** A type-checked set of handlers for one owner service. */
export function defineInternalOperations<S extends InternalService>(_service: S, handlers: InternalHandlers<S>): InternalHandlers<S> {
  return handlers;
}

export interface InternalRoutesOptions {
  service: string;
  key: string;
  logger: Logger;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  handlers: Record<string, (input: any) => Promise<unknown>>;
  /** Consult the test fault registry (never in production). */
  faultInjection: boolean;
}

export const INTERNAL_PATH = '/internal';

/**
 * Serves `POST /internal/<operation>`: the signature over the raw body is checked before anything is
 * parsed; the answer is `{ result }`, or `{ error: { code, message } }` with a 4xx/5xx status.
 */
export function mountInternalOperations(app: Express, options: InternalRoutesOptions): void {
  const nonces = new NonceCache();
  app.post(`${INTERNAL_PATH}/:operation`, express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    const operation = String(req.params.operation);
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const problem = verifyServiceCall({
      key: options.key,
      header: req.header(SERVICE_SIGNATURE_HEADER),
      operation,
      body,
      nonces,
    });
    if (problem) {
      res.status(401).json({
        error: { code: 'UNSIGNED_SERVICE_CALL', message: `Refused (${problem}): internal operations answer only signed service calls.` },
      });
      return;
    }
    const handler = Object.hasOwn(options.handlers, operation) ? options.handlers[operation] : undefined;
    if (!handler) {
      res.status(404).json({ error: { code: 'UNKNOWN_OPERATION', message: `${options.service} has no internal operation ${operation}.` } });
      return;
    }
    const faultKey = `${options.service}.${operation}`;
    try {
      const input = JSON.parse(body || '{}');
      if (options.faultInjection && takeInternalFault(faultKey, 'before')) throw new Error(`injected fault before ${faultKey}`);
      const result = await handler(input);
      if (options.faultInjection && takeInternalFault(faultKey, 'after')) throw new Error(`injected fault after ${faultKey}`);
      res.json({ result });
    } catch (error) {
      if (error instanceof InternalInputError || error instanceof SyntaxError) {
        res.status(400).json({ error: { code: 'BAD_INPUT', message: error.message } });
        return;
      }
      options.logger.error('internal operation failed', { operation: faultKey, message: (error as Error)?.message });
      res.status(500).json({ error: { code: 'INTERNAL', message: `${faultKey} failed; see the ${options.service} log.` } });
    }
  });
}
