import { ConfigError } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';

import { loadConfig } from './config.js';

const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db', GATEWAY_HMAC_SECRET: 's'.repeat(32) };

describe('orders config: approval timers', () => {
  it('runs them on pg-boss unless told to sweep', () => {
    expect(loadConfig(base).workflow).toMatchObject({ approvalTimers: 'PG_BOSS', approvalPollSeconds: 10 });
    expect(loadConfig({ ...base, ORDER_APPROVAL_TIMERS: 'sweep', ORDER_APPROVAL_POLL_SECONDS: '2' }).workflow).toMatchObject({
      approvalTimers: 'SWEEP',
      approvalPollSeconds: 2,
    });
    expect(loadConfig({ ...base, ORDER_APPROVAL_TIMERS: 'PG-BOSS' }).workflow.approvalTimers).toBe('PG_BOSS');
  });

  it('refuses anything else with a message naming the variable', () => {
    expect(() => loadConfig({ ...base, ORDER_APPROVAL_TIMERS: 'cron' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ORDER_APPROVAL_TIMERS: 'cron' })).toThrow(/ORDER_APPROVAL_TIMERS must be pg-boss or sweep/);
  });
});

describe('orders config: web push', () => {
  it('takes the VAPID pair together, or neither (web push then off in production, generated in demo mode)', () => {
    expect(loadConfig(base).notifications).toMatchObject({ vapidPublicKey: null, vapidPrivateKey: null, ratePerHour: 60 });
    expect(loadConfig({ ...base, VAPID_PUBLIC_KEY: 'pub', VAPID_PRIVATE_KEY: 'priv' }).notifications).toMatchObject({
      vapidPublicKey: 'pub',
      vapidPrivateKey: 'priv',
    });
    expect(() => loadConfig({ ...base, VAPID_PUBLIC_KEY: 'pub' })).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together/);
  });

  it('wants a mailto: or https: subject', () => {
    expect(loadConfig({ ...base, VAPID_SUBJECT: 'https://portal.example.com' }).notifications.vapidSubject).toBe(
      'https://portal.example.com',
    );
    expect(() => loadConfig({ ...base, VAPID_SUBJECT: 'ops@example.com' })).toThrow(ConfigError);
  });
});
