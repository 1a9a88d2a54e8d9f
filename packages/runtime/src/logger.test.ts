import { afterEach, describe, expect, it, vi } from 'vitest';

import { createLogger, requestIdHeader, withRequestLogScope } from './logger.js';

/** What the logger wrote to stdout and stderr while `work` ran. */
function captured(work: () => void): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  vi.spyOn(console, 'log').mockImplementation((line) => void out.push(`${line}\n`));
  vi.spyOn(console, 'error').mockImplementation((line) => void err.push(`${line}\n`));
  try {
    work();
  } finally {
    vi.restoreAllMocks();
  }
  return { out: out.join(''), err: err.join('') };
}

describe('the service logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON object per line, with the service, the level and the running request id', () => {
    const logger = createLogger('orders', 'info', 'json');
    const { out, err } = captured(() =>
      withRequestLogScope({ requestId: 'req-42' }, () => {
        logger.info('order placed', { orderId: 'o1' });
        logger.warn('credit slow', { ms: 900 });
      }),
    );
    const info = JSON.parse(out.trim());
    expect(info).toMatchObject({ service: 'orders', level: 30, msg: 'order placed', orderId: 'o1', requestId: 'req-42' });
    expect(typeof info.time).toBe('string');
    // Warnings go to stderr, and only there.
    expect(JSON.parse(err.trim())).toMatchObject({ level: 40, msg: 'credit slow', requestId: 'req-42' });
    expect(out).not.toContain('credit slow');
  });

  it('never writes a secret it was handed by mistake, in either format', () => {
    for (const format of ['json', 'text'] as const) {
      const logger = createLogger('dealers', 'info', format);
      const { out } = captured(() =>
        logger.info('sign-in', { email: 'a@b.c', password: 'hunter2-secret', nested: { token: 'eyJhbGciOi' } }),
      );
      expect(out).toContain('a@b.c');
      expect(out).not.toContain('hunter2-secret');
      expect(out).not.toContain('eyJhbGciOi');
      expect(out).toContain('[redacted]');
    }
  });

  it('writes text lines for a terminal, and nothing below its level', () => {
    const logger = createLogger('credit', 'warn', 'text');
    const { out, err } = captured(() =>
      withRequestLogScope({ requestId: 'r1' }, () => {
        logger.info('quiet');
        logger.error('ledger failed', { dealer: 'D0001' });
      }),
    );
    expect(out).toBe('');
    expect(err).toBe('[credit] ledger failed {"dealer":"D0001","requestId":"r1"}\n');
  });

  it('hands the running request id to calls made on its behalf, and nothing outside a request', () => {
    expect(withRequestLogScope({ requestId: 'req-7' }, () => requestIdHeader())).toEqual({ 'x-request-id': 'req-7' });
    expect(requestIdHeader()).toEqual({});
  });
});
