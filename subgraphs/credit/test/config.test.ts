import { describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { creditSubgraph } from '../src/definition.js';

const base = { DATABASE_URL: 'postgres://localhost/x', GATEWAY_HMAC_SECRET: 'secret' };

describe('loadConfig', () => {
  it('defaults to port 4004 and the 15 / 30 / 45 day thresholds', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(4004);
    expect(config.thresholds).toEqual({ warningDays: 15, restrictedDays: 30, blockedDays: 45 });
  });

  it('reads CREDIT_PORT and the thresholds from the environment', () => {
    const config = loadConfig({
      ...base,
      CREDIT_PORT: '5004',
      CREDIT_WARNING_DAYS: '10',
      CREDIT_RESTRICTED_DAYS: '20',
      CREDIT_BLOCKED_DAYS: '60',
    });
    expect(config.port).toBe(5004);
    expect(config.thresholds).toEqual({ warningDays: 10, restrictedDays: 20, blockedDays: 60 });
  });

  it('refuses thresholds out of order', () => {
    expect(() => loadConfig({ ...base, CREDIT_WARNING_DAYS: '40' })).toThrow(/CREDIT_WARNING_DAYS.*grow/);
  });
});

describe('creditSubgraph', () => {
  it('hands its thresholds and one instant per request to the context', () => {
    let tick = 0;
    const definition = creditSubgraph({ thresholds: { blockedDays: 60 }, now: () => new Date(Date.UTC(2026, 10, 1) + tick++) });
    const ctx = definition.context({ em: {} as never, claims: null });
    expect(ctx.thresholds).toEqual({ warningDays: 15, restrictedDays: 30, blockedDays: 60 });
    expect(ctx.now()).toBe(ctx.now());
    expect(() => creditSubgraph({ thresholds: { warningDays: 50 } })).toThrow(/grow/);
  });
});
