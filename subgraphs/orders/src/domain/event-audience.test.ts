import type { Claims } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';
import { approvalLevelOf, changesApprovalQueueOf, notifies, seesOrderEvent } from './event-audience.js';

const DEALER_A = '00000000-0000-4000-8000-00000000000a';
const DEALER_B = '00000000-0000-4000-8000-00000000000b';
const dealerUser = (dealerId: string): Claims => ({ sub: 'u1', email: 'a@d', role: 'ORDER_ENTRY', dealerId });
const staff = (role: Claims['role']): Claims => ({ sub: 's1', email: 's@d', role, dealerId: null });
const event = (over: Partial<{ dealerId: string; type: string; status: string | null; data: Record<string, unknown> | null }> = {}) => ({
  dealerId: DEALER_A,
  type: 'STATUS_CHANGED',
  status: 'APPROVED',
  data: null,
  ...over,
});

describe('seesOrderEvent', () => {
  it("gives a dealer user its own dealer's events only", () => {
    expect(seesOrderEvent({ claims: dealerUser(DEALER_A), event: event() })).toBe(true);
    expect(seesOrderEvent({ claims: dealerUser(DEALER_B), event: event() })).toBe(false);
  });
  it('gives staff every event and anonymous callers none', () => {
    expect(seesOrderEvent({ claims: staff('SALES_REP'), event: event() })).toBe(true);
    expect(seesOrderEvent({ claims: staff('ADMIN'), event: event() })).toBe(true);
    expect(seesOrderEvent({ claims: null, event: event() })).toBe(false);
  });
});

describe('changesApprovalQueueOf', () => {
  it('counts orders entering and leaving approval for approvers', () => {
    expect(changesApprovalQueueOf({ claims: staff('SALES_REP'), event: event({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL' }) })).toBe(true);
    expect(changesApprovalQueueOf({ claims: staff('SALES_REP'), event: event({ status: 'REJECTED' }) })).toBe(true);
    expect(changesApprovalQueueOf({ claims: staff('SALES_REP'), event: event({ status: 'SHIPPED' }) })).toBe(false);
  });
  it('keeps a step above the caller out of its queue', () => {
    const step = event({ type: 'APPROVAL_STEP', status: 'PENDING_APPROVAL', data: { level: 3 } });
    expect(changesApprovalQueueOf({ claims: staff('REGIONAL_MANAGER'), event: step })).toBe(false);
    expect(changesApprovalQueueOf({ claims: staff('SALES_DIRECTOR'), event: step })).toBe(true);
    expect(changesApprovalQueueOf({ claims: staff('GENERAL_MANAGER'), event: step })).toBe(true);
  });
  it('gives dealer users and ADMIN no queue', () => {
    const placed = event({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL' });
    expect(changesApprovalQueueOf({ claims: dealerUser(DEALER_A), event: placed })).toBe(false);
    expect(changesApprovalQueueOf({ claims: staff('ADMIN'), event: placed })).toBe(false);
    expect(approvalLevelOf(staff('FINANCE'))).toBe(4);
  });
});

describe('notifies', () => {
  it("feeds dealer users their dealer's events and approvers their queue", () => {
    expect(notifies({ claims: dealerUser(DEALER_A), event: event({ status: 'SHIPPED' }) })).toBe(true);
    expect(notifies({ claims: dealerUser(DEALER_B), event: event({ status: 'SHIPPED' }) })).toBe(false);
    expect(notifies({ claims: staff('SALES_REP'), event: event({ status: 'SHIPPED' }) })).toBe(false);
    expect(notifies({ claims: staff('SALES_REP'), event: event({ type: 'ESCALATED', status: 'PENDING_APPROVAL', data: { level: 1 } }) })).toBe(true);
  });
});
