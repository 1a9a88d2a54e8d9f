import type { Claims } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';

import type { ApproverScope } from '../../approvals/domain/approver-scope.js';
import { changesApprovalQueueOf, notifies, seesOrderEvent } from '../../events/domain/event-audience.js';
import { isSpecialPriceEvent, seesSpecialPriceRequestEvent } from './special-price-audience.js';

const dealer = (dealerId: string, role = 'DEALER_ADMIN') => ({ sub: 'u', role, dealerId }) as unknown as Claims;
const staff = (role: string) => ({ sub: 's', role, dealerId: null }) as unknown as Claims;
const event = (level: number, dealerId = 'd1') => ({
  dealerId,
  type: 'SPECIAL_PRICE_REQUEST',
  status: 'PENDING',
  data: { level, requestId: 'r1' },
});

const ALL: ApproverScope = { kind: 'ALL' };

describe('special price request audience', () => {
  it("gives a dealer's users their own requests only, whatever their role", () => {
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: dealer('d1'), event: event(1) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: dealer('d1', 'VIEW_ONLY'), event: event(3) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: dealer('d2'), event: event(1) })).toBe(false);
  });

  it('gives approvers the requests their level may decide', () => {
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('SALES_REP'), event: event(1) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('SALES_REP'), event: event(2) })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('GENERAL_MANAGER'), event: event(5) })).toBe(true);
    // A special price is a sales exception: FINANCE does not decide it by seniority.
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('FINANCE'), event: event(1) })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('SALES_DIRECTOR'), event: event(3) })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: staff('ADMIN'), event: event(1) })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: null, event: event(1) })).toBe(false);
  });

  it('ignores order events', () => {
    const orderEvent = { dealerId: 'd1', type: 'STATUS_CHANGED', status: 'APPROVED', data: { level: 1 } };
    expect(isSpecialPriceEvent(orderEvent)).toBe(false);
    expect(seesSpecialPriceRequestEvent({ scope: ALL, claims: dealer('d1'), event: orderEvent })).toBe(false);
  });

  it('puts requests in the notification feed of the dealer and of approvers at their level, not in the order approval queue', () => {
    expect(notifies({ scope: ALL, claims: dealer('d1'), event: event(2) })).toBe(true);
    expect(notifies({ scope: ALL, claims: dealer('d2'), event: event(2) })).toBe(false);
    expect(notifies({ scope: ALL, claims: staff('REGIONAL_MANAGER'), event: event(2) })).toBe(true);
    expect(notifies({ scope: ALL, claims: staff('SALES_REP'), event: event(2) })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('GENERAL_MANAGER'), event: event(1) })).toBe(false);
    // seesOrderEvent is about the dealer's data; orderUpdated also drops special price events (isSpecialPriceEvent).
    expect(seesOrderEvent({ claims: dealer('d1'), event: event(1) })).toBe(true);
  });

  it("keeps a rep to their own dealers' requests and a manager to their region's; a director sees all", () => {
    const REP = 'a0000000-0000-4000-8000-000000000001';
    const ours = { ...event(1), salesRepUserId: REP, dealerRegion: 'Northeast' };
    const theirs = { ...event(1, 'd2'), salesRepUserId: null, dealerRegion: 'Southeast' };
    const rep: ApproverScope = { kind: 'DEALERS_OF_REP', userId: REP };
    const manager: ApproverScope = { kind: 'REGION', region: 'Northeast' };
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_REP'), scope: rep, event: ours })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_REP'), scope: rep, event: theirs })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ claims: staff('REGIONAL_MANAGER'), scope: manager, event: ours })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: staff('REGIONAL_MANAGER'), scope: manager, event: theirs })).toBe(false);
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_DIRECTOR'), scope: ALL, event: theirs })).toBe(true);
    expect(seesSpecialPriceRequestEvent({ claims: staff('SALES_DIRECTOR'), scope: null, event: theirs })).toBe(false);
    expect(notifies({ claims: staff('SALES_REP'), scope: rep, event: theirs })).toBe(false);
  });
});
