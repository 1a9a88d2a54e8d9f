import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  clearInternalFaults,
  createLogger,
  injectInternalFault,
  InternalCallError,
  internalClient,
  InternalInputError,
  mountInternalOperations,
  SERVICE_SIGNATURE_HEADER,
  signServiceCall,
} from '../src/index.js';

const key = 'test-internal-key';
let server: Server;
let baseUrl: string;
let calls = 0;

beforeAll(async () => {
  const app = express();
  mountInternalOperations(app, {
    service: 'prices',
    key,
    logger: createLogger('test', 'silent'),
    faultInjection: true,
    handlers: {
      async quoteLines(input: { dealerId: string; lines: unknown[] }) {
        calls += 1;
        if (!Array.isArray(input.lines)) throw new InternalInputError('lines must be a list');
        return { currency: 'EUR', lines: [], echo: input.dealerId };
      },
      async slow() {
        await new Promise((r) => setTimeout(r, 500));
        return {};
      },
    },
  });
  server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (operation: string, body: string, signature?: string) =>
  fetch(`${baseUrl}/internal/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [SERVICE_SIGNATURE_HEADER]: signature } : {}) },
    body,
  });

describe('internal service calls', () => {
  it('answers a signed call with the handler result', async () => {
    const client = internalClient('prices', { baseUrl, key });
    const result = await client.call('quoteLines', { dealerId: 'd1', lines: [] });
    expect(result).toMatchObject({ currency: 'EUR', echo: 'd1' });
  });

  it('refuses unsigned, wrongly keyed, tampered, replayed, stale and misdirected calls', async () => {
    const body = JSON.stringify({ dealerId: 'd1', lines: [] });
    expect((await post('quoteLines', body)).status).toBe(401);
    expect((await post('quoteLines', body, signServiceCall({ key: 'other', operation: 'quoteLines', body }))).status).toBe(401);
    const good = signServiceCall({ key, operation: 'quoteLines', body });
    expect((await post('quoteLines', body.replace('d1', 'd2'), good)).status).toBe(401);
    expect((await post('quoteLines', body, good)).status).toBe(200);
    expect((await post('quoteLines', body, good)).status).toBe(401);
    const stale = signServiceCall({ key, operation: 'quoteLines', body, now: Date.now() - 120_000 });
    expect((await post('quoteLines', body, stale)).status).toBe(401);
    const other = signServiceCall({ key, operation: 'slow', body });
    expect((await post('quoteLines', body, other)).status).toBe(401);
  });

  it('turns bad input into REJECTED, a missing operation into REJECTED, and a slow one into TIMEOUT', async () => {
    const client = internalClient('prices', { baseUrl, key });
    await expect(client.call('quoteLines', { dealerId: 'd1', lines: 'x' as never })).rejects.toMatchObject({ code: 'REJECTED' });
    await expect((client as any).call('nothing', {})).rejects.toMatchObject({ code: 'REJECTED' });
    // The handler takes 500 ms; a 100 ms budget times out however busy the machine is.
    const impatient = internalClient('prices', { baseUrl, key, timeoutMs: 100 });
    await expect((impatient as any).call('slow', {})).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports an unreachable owner as UNAVAILABLE', async () => {
    const client = internalClient('prices', { baseUrl: 'http://127.0.0.1:1', key });
    const error = await client.call('quoteLines', { dealerId: 'd1', lines: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(InternalCallError);
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('injects a failure before the work (not done) and after it (done, caller not told)', async () => {
    const client = internalClient('prices', { baseUrl, key });
    const input = { dealerId: 'd1', lines: [] };
    clearInternalFaults();
    let before = calls;
    injectInternalFault('prices.quoteLines', 'before');
    await expect(client.call('quoteLines', input)).rejects.toMatchObject({ code: 'FAILED' });
    expect(calls).toBe(before);
    before = calls;
    injectInternalFault('prices.quoteLines', 'after');
    await expect(client.call('quoteLines', input)).rejects.toMatchObject({ code: 'FAILED' });
    expect(calls).toBe(before + 1);
    await expect(client.call('quoteLines', input)).resolves.toMatchObject({ currency: 'EUR' });
  });
});
