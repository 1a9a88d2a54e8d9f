import { describe, expect, it } from 'vitest';

import { ORDER_CHANNELS, orderChannel } from './order-channel.js';

describe('orderChannel', () => {
  it("records a dealer user's own order as PORTAL and an API client's as API, unless told EDI", () => {
    expect(orderChannel({ placer: 'DEALER_USER', requested: null })).toEqual({ ok: true, channel: 'PORTAL' });
    expect(orderChannel({ placer: 'DEALER_USER', requested: 'PORTAL' })).toEqual({ ok: true, channel: 'PORTAL' });
    expect(orderChannel({ placer: 'API_CLIENT', requested: undefined })).toEqual({ ok: true, channel: 'API' });
    expect(orderChannel({ placer: 'API_CLIENT', requested: 'EDI' })).toEqual({ ok: true, channel: 'EDI' });
  });

  it('takes the channel staff name, PHONE when they name none', () => {
    expect(orderChannel({ placer: 'STAFF', requested: null })).toEqual({ ok: true, channel: 'PHONE' });
    for (const channel of ['PHONE', 'FAX', 'EMAIL', 'EDI'] as const) {
      expect(orderChannel({ placer: 'STAFF', requested: channel })).toEqual({ ok: true, channel });
    }
  });

  it("refuses a channel that is not the placer's, for every pair", () => {
    const allowed = { DEALER_USER: ['PORTAL'], API_CLIENT: ['API', 'EDI'], STAFF: ['PHONE', 'FAX', 'EMAIL', 'EDI'] } as const;
    for (const placer of ['DEALER_USER', 'API_CLIENT', 'STAFF'] as const) {
      for (const requested of ORDER_CHANNELS) {
        const result = orderChannel({ placer, requested });
        expect(result.ok, `${placer} ${requested}`).toBe((allowed[placer] as readonly string[]).includes(requested));
      }
    }
    expect(orderChannel({ placer: 'STAFF', requested: 'PORTAL' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Staff entering an order may use the channel PHONE, FAX, EMAIL, EDI, not PORTAL.',
    });
  });
});
