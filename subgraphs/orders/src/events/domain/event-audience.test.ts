import type { Claims } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';

import type { ApproverScope } from '../../approvals/domain/approver-scope.js';
import { callerApprovalLevel, changesApprovalQueueOf, notifies, seesOrderEvent, sendsOrderUpdate } from './event-audience.js';

const DEALER_A = '00000000-0000-4000-8000-00000000000a';
const DEALER_B = '00000000-0000-4000-8000-00000000000b';
const dealerUser = (dealerId: string): Claims => ({ sub: 'u1', email: 'a@d', role: 'ORDER_ENTRY', dealerId });
const staff = (role: Claims['role']): Claims => ({ sub: 's1', email: 's@d', role, dealerId: null });
const event = (
  over: Partial<{
    dealerId: string;
    type: string;
    status: string | null;
    data: Record<string, unknown> | null;
    salesRepUserId: string | null;
    dealerRegion: string | null;
  }> = {},
) => ({
  dealerId: DEALER_A,
  type: 'STATUS_CHANGED',
  status: 'APPROVED',
  data: null,
  ...over,
});

const ALL: ApproverScope = { kind: 'ALL' };

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
  it("keeps each area's steps to its approvers: FINANCE not a sales step, a director not a credit step", () => {
    const sales = event({ type: 'ESCALATED', status: 'PENDING_APPROVAL', data: { level: 3, area: 'SALES', toLevel: 5 } });
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('FINANCE'), event: sales })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('GENERAL_MANAGER'), event: sales })).toBe(true);
    const credit = event({ type: 'REMINDER', status: 'PENDING_APPROVAL', data: { level: 4, area: 'FINANCE' } });
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('SALES_DIRECTOR'), event: credit })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('FINANCE'), event: credit })).toBe(true);
    // A decided sales step that hands the order to FINANCE: FINANCE hears it enter their queue.
    const handed = event({
      type: 'APPROVAL_STEP',
      status: 'PENDING_APPROVAL',
      data: { level: 2, area: 'SALES', nextLevel: 4, nextArea: 'FINANCE' },
    });
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('FINANCE'), event: handed })).toBe(true);
  });
  it("gives a DEALER_ADMIN their own dealer's own steps, and no staff member those", () => {
    const own = event({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL', data: { level: 0, area: 'DEALER', step: 1 } });
    const admin = (dealerId: string): Claims => ({ sub: 'a1', email: 'a@d', role: 'DEALER_ADMIN', dealerId });
    expect(changesApprovalQueueOf({ scope: { kind: 'DEALER', dealerId: DEALER_A }, claims: admin(DEALER_A), event: own })).toBe(true);
    expect(changesApprovalQueueOf({ scope: { kind: 'DEALER', dealerId: DEALER_B }, claims: admin(DEALER_B), event: own })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('GENERAL_MANAGER'), event: own })).toBe(false);
    expect(changesApprovalQueueOf({ scope: null, claims: dealerUser(DEALER_A), event: own })).toBe(false);
  });
  it('counts orders entering and leaving approval for approvers', () => {
    expect(
      changesApprovalQueueOf({
        scope: ALL,
        claims: staff('SALES_REP'),
        event: event({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL' }),
      }),
    ).toBe(true);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('SALES_REP'), event: event({ status: 'REJECTED' }) })).toBe(true);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('SALES_REP'), event: event({ status: 'SHIPPED' }) })).toBe(false);
  });
  it('keeps a step above the caller out of its queue', () => {
    const step = event({ type: 'APPROVAL_STEP', status: 'PENDING_APPROVAL', data: { level: 3 } });
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('REGIONAL_MANAGER'), event: step })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('SALES_DIRECTOR'), event: step })).toBe(true);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('GENERAL_MANAGER'), event: step })).toBe(true);
  });
  it('gives dealer users and ADMIN no queue', () => {
    const placed = event({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL' });
    expect(changesApprovalQueueOf({ scope: ALL, claims: dealerUser(DEALER_A), event: placed })).toBe(false);
    expect(changesApprovalQueueOf({ scope: ALL, claims: staff('ADMIN'), event: placed })).toBe(false);
    expect(callerApprovalLevel(staff('FINANCE'))).toBe(4);
  });
});

describe('notifies', () => {
  it("feeds dealer users their dealer's events and approvers their queue", () => {
    expect(notifies({ scope: ALL, claims: dealerUser(DEALER_A), event: event({ status: 'SHIPPED' }) })).toBe(true);
    expect(notifies({ scope: ALL, claims: dealerUser(DEALER_B), event: event({ status: 'SHIPPED' }) })).toBe(false);
    expect(notifies({ scope: ALL, claims: staff('SALES_REP'), event: event({ status: 'SHIPPED' }) })).toBe(false);
    expect(
      notifies({
        scope: ALL,
        claims: staff('SALES_REP'),
        event: event({ type: 'ESCALATED', status: 'PENDING_APPROVAL', data: { level: 1 } }),
      }),
    ).toBe(true);
  });
});

describe('approver scope of the live feeds', () => {
  const REP = 'a0000000-0000-4000-8000-000000000001';
  const ours = event({
    type: 'APPROVAL_STEP',
    status: 'PENDING_APPROVAL',
    data: { level: 1 },
    salesRepUserId: REP,
    dealerRegion: 'Northeast',
  });
  const theirs = event({
    type: 'APPROVAL_STEP',
    status: 'PENDING_APPROVAL',
    data: { level: 1 },
    salesRepUserId: null,
    dealerRegion: 'Southeast',
  });
  const rep: ApproverScope = { kind: 'DEALERS_OF_REP', userId: REP };
  const manager: ApproverScope = { kind: 'REGION', region: 'Northeast' };

  it("gives a rep their own dealers' orders and a manager their region's, in the queue and the feed", () => {
    for (const check of [changesApprovalQueueOf, notifies]) {
      expect(check({ claims: staff('SALES_REP'), scope: rep, event: ours })).toBe(true);
      expect(check({ claims: staff('SALES_REP'), scope: rep, event: theirs })).toBe(false);
      expect(check({ claims: staff('REGIONAL_MANAGER'), scope: manager, event: ours })).toBe(true);
      expect(check({ claims: staff('REGIONAL_MANAGER'), scope: manager, event: theirs })).toBe(false);
      expect(check({ claims: staff('SALES_DIRECTOR'), scope: ALL, event: theirs })).toBe(true);
    }
  });

  it('fails closed for staff without a scope, and needs none for dealer users', () => {
    expect(changesApprovalQueueOf({ claims: staff('SALES_DIRECTOR'), scope: null, event: ours })).toBe(false);
    expect(notifies({ claims: staff('REGIONAL_MANAGER'), scope: { kind: 'NONE' }, event: ours })).toBe(false);
    expect(notifies({ claims: dealerUser(DEALER_A), scope: null, event: theirs })).toBe(true);
  });
});

describe('sendsOrderUpdate', () => {
  it('leaves out only the last approval step, whose status change sends the same order', () => {
    expect(sendsOrderUpdate({ event: { type: 'APPROVAL_STEP', data: { decision: 'APPROVED', final: true } } })).toBe(false);
    expect(sendsOrderUpdate({ event: { type: 'APPROVAL_STEP', data: { decision: 'APPROVED' } } })).toBe(true);
    expect(sendsOrderUpdate({ event: { type: 'STATUS_CHANGED', data: null } })).toBe(true);
  });
});
