import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

import { signedHeaders } from './webhook-sender.js';

// The Standard Webhooks specification's test vector (standard-webhooks/standard-webhooks, spec and libraries).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('webhook signatures (Standard Webhooks)', () => {
  it('reproduce the specification test vector exactly', () => {
    expect(signedHeaders(VECTOR.secret, VECTOR.id, VECTOR.body, new Date(VECTOR.timestamp * 1000))).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    });
  });

  it('verify with a receiver library, and a tampered, re-signed or stale delivery does not', () => {
    const now = new Date();
    const body = '{"type":"order.approved","timestamp":"2026-12-07T10:00:00.000Z","data":{"order":{"id":"o1","total":"10.00"}}}';
    const headers = signedHeaders(VECTOR.secret, 'evt-1', body, now);
    const receiver = new Webhook(VECTOR.secret);
    expect(receiver.verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => receiver.verify(body.replace('10.00', '99.00'), headers)).toThrow(/signature/i);
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'evt-2' })).toThrow(/signature/i);
    expect(() => new Webhook('whsec_' + Buffer.from('another key').toString('base64')).verify(body, headers)).toThrow(/signature/i);
    const stale = new Date(now.getTime() - 10 * 60_000);
    expect(() => receiver.verify(body, signedHeaders(VECTOR.secret, 'evt-1', body, stale))).toThrow(/too old/i);
  });
});
