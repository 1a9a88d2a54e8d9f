import { createECDH, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { pushSubscriptionProblems } from './push-subscription-rules.js';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const good = {
  endpoint: 'https://push.example.com/send/abc123',
  p256dh: ecdh.getPublicKey().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
};
const fields = (input: Partial<typeof good> & { userAgent?: string | null }, allowHttp = false) =>
  pushSubscriptionProblems({ input: { ...good, ...input }, allowHttp }).map((p) => p.field?.join('.'));

describe('push subscription rules', () => {
  it('accepts what a browser gives (base64url without padding, or with it)', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ auth: `${good.auth}==` })).toEqual([]);
  });

  it('wants an https endpoint, http only where allowed, and no credentials or fragment', () => {
    expect(fields({ endpoint: 'http://127.0.0.1:9999/push' })).toEqual(['input.endpoint']);
    expect(fields({ endpoint: 'http://127.0.0.1:9999/push' }, true)).toEqual([]);
    for (const endpoint of ['', 'not a url', 'ftp://push.example.com/x', 'https://u:p@push.example.com/x', 'file:///etc/passwd'])
      expect(fields({ endpoint }, true)).toEqual(['input.endpoint']);
    expect(fields({ endpoint: `https://push.example.com/${'x'.repeat(2100)}` })).toEqual(['input.endpoint']);
  });

  it('wants a P-256 point on the curve and a 16-byte secret', () => {
    const offCurve = Buffer.alloc(65, 1);
    offCurve[0] = 4;
    expect(fields({ p256dh: offCurve.toString('base64url') })).toEqual(['input.p256dh']);
    expect(fields({ p256dh: ecdh.getPublicKey(undefined, 'compressed').toString('base64url') })).toEqual(['input.p256dh']);
    expect(fields({ p256dh: 'not+base64/url' })).toEqual(['input.p256dh']);
    expect(fields({ auth: randomBytes(32).toString('base64url') })).toEqual(['input.auth']);
    expect(fields({ auth: '' })).toEqual(['input.auth']);
  });

  it('bounds the device name', () => {
    expect(fields({ userAgent: 'Firefox on Linux' })).toEqual([]);
    expect(fields({ userAgent: 'x'.repeat(301) })).toEqual(['input.userAgent']);
  });
});
