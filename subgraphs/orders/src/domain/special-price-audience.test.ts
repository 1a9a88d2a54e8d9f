import type { Claims } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';
import { changesApprovalQueueOf, notifies, seesOrderEvent } from './event-audience.js';
import { isSpecialPriceEvent, seesSpecialPriceRequestEvent } from './special-price-audience.js';

const dealer = (dealerId: string, role = 'DEALER_ADMIN') => ({ sub: 'u', role, dealerId }) as unknown as Claims;
const staff = (role: string) => ({ sub: 's', role, dealerId: null }) as unknown as Claims;
const event = (level: number, dealerId = 'd1') => ({ dealerId, type: 'SPECIAL_PRICE_REQUEST', status: 'PENDING', data: { level, requestId: 'r1' } });

describe('special price request audience', () => {
  it("gives a dealer's users their own requests only, whatever their role", () => {
    expect(seesSpecialPriceRequestEvent({ claims: dealer('d1'), event: event(1) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: dealer('d1', 'VIEW_ONLY'), event: event(3) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: dealer('d2'), event: event(1) })).toBe(false);
  });

  it('gives approvers the requests their level may decide', () => {
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_REP'), event: event(1) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_REP'), event: event(2) })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ claims: staff('GENERAL_MANAGER'), event: event(5) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: staff('ADMIN'), event: event(1) })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ claims: null, event: event(1) })).toBe(false);
  });

  it('ignores order events', () => {
    const orderEvent = { dealerId: 'd1', type: 'STATUS_CHANGED', status: 'APPROVED', data: { level: 1 } };
    expect(isSpecialPriceEvent(orderEvent)).toBe(false);
    expect(seesSpecialPriceRequestEvent({ claims: dealer('d1'), event: orderEvent })).toBe(false);
  });

  it('puts requests in the notification feed of the dealer and of approvers at their level, not in the order approval queue', () => {
    expect(notifies({ claims: dealer('d1'), event: event(2) })).toBe(true);
    expect(notifies({ claims: dealer('d2'), event: event(2) })).toBe(false);
    expect(notifies({ claims: staff('REGIONAL_MANAGER'), event: event(2) })).toBe(true);
    expect(notifies({ claims: staff('SALES_REP'), event: event(2) })).toBe(false);
    expect(changesApprovalQueueOf({ claims: staff('GENERAL_MANAGER'), event: event(1) })).toBe(false);
    // seesOrderEvent is about the dealer's data; orderUpdated also drops special price events (isSpecialPriceEvent).
    expect(seesOrderEvent({ claims: dealer('d1'), event: event(1) })).toBe(true);
  });
});
