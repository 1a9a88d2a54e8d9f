import { request } from 'node:http';

import { openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A POST whose body arrives in two parts: the request is in flight until `finish` sends the rest. */
function halfSentRequest(url: string, body: string) {
  const target = new URL(url);
  const cut = Math.floor(body.length / 2);
  let finish = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, cut));
    finish = () => void req.end(body.slice(cut));
  });
  return { answer, finish: () => finish() };
}

describe('stopping the gateway (a deploy or a scale-down)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lets requests in flight finish, closes sockets with 1001 and takes no new connections', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    let connected = () => {};
    const socketUp = new Promise<void>((resolve) => (connected = resolve));
    const closed = new Promise<number>((resolve) => {
      const socket = openSocket(stack.gatewayUrl, dealer.accessToken, { eager: true, onClosed: (event) => resolve(event.code) });
      socket.on('connected', () => connected());
    });
    await socketUp;
    const before = await stack.gateway.openConnections();
    const inFlight = halfSentRequest(stack.gatewayUrl, JSON.stringify({ query: '{ __typename }' }));
    // The request must have reached the server before the stop begins.
    await expect.poll(() => stack.gateway.openConnections()).toBeGreaterThan(before);

    const stopping = stack.gateway.stop();
    expect(await closed).toBe(1001);
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { __typename: 'Query' } });
    await stopping;
    await expect(fetch(stack.gatewayUrl.replace('/graphql', '/readiness'))).rejects.toThrow();
  });
});
