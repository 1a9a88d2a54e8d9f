import { createECDH } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { applicationServerKey, subscriptionInput } from './web-push';

describe('web push on the device', () => {
  it('turns the base64url VAPID key into the 65 bytes PushManager wants', () => {
    const ecdh = createECDH('prime256v1');
    const point = ecdh.generateKeys();
    expect(Buffer.from(applicationServerKey(point.toString('base64url')))).toEqual(point);
  });

  it('builds the graph input from a subscription, and nothing from one without keys', () => {
    const json = { endpoint: 'https://push.example/x', keys: { p256dh: 'P', auth: 'A' } };
    expect(subscriptionInput(json, 'x'.repeat(400))).toEqual({
      endpoint: 'https://push.example/x',
      p256dh: 'P',
      auth: 'A',
      userAgent: 'x'.repeat(300),
    });
    expect(subscriptionInput({ endpoint: 'https://push.example/x' }, 'ua')).toBeNull();
  });
});
