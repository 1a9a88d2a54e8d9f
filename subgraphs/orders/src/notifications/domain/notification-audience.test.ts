import { describe, expect, it } from 'vitest';

import { type Contact, kindsFor, notificationsOf, recipientsOf } from './notification-audience.js';

const DEALER = '00000000-0000-4000-8000-00000000d001';
const OTHER_DEALER = '00000000-0000-4000-8000-00000000d002';
const REP = '00000000-0000-4000-8000-0000000000a1';

const contacts: Contact[] = [
  { id: 'u1', email: 'admin@a.dealer', fullName: 'A Admin', role: 'DEALER_ADMIN', dealerId: DEALER, region: null },
  { id: 'u2', email: 'viewer@a.dealer', fullName: 'A Viewer', role: 'VIEW_ONLY', dealerId: DEALER, region: null },
  { id: 'u3', email: 'admin@b.dealer', fullName: 'B Admin', role: 'DEALER_ADMIN', dealerId: OTHER_DEALER, region: null },
  { id: REP, email: 'rep@staff', fullName: 'Rep', role: 'SALES_REP', dealerId: null, region: 'Northeast' },
  { id: 'r2', email: 'rep2@staff', fullName: 'Other Rep', role: 'SALES_REP', dealerId: null, region: 'Northeast' },
  { id: 'm1', email: 'manager@staff', fullName: 'Manager NE', role: 'REGIONAL_MANAGER', dealerId: null, region: 'Northeast' },
  { id: 'm2', email: 'manager-w@staff', fullName: 'Manager W', role: 'REGIONAL_MANAGER', dealerId: null, region: 'West' },
  { id: 'd1', email: 'director@staff', fullName: 'Director', role: 'SALES_DIRECTOR', dealerId: null, region: null },
  { id: 'f1', email: 'finance@staff', fullName: 'Finance', role: 'FINANCE', dealerId: null, region: null },
  { id: 'x1', email: 'admin@staff', fullName: 'Admin', role: 'ADMIN', dealerId: null, region: null },
];
const order = { dealerId: DEALER, salesRepUserId: REP, dealerRegion: 'Northeast' };
const none = new Set<string>();
const emails = (list: Contact[]) => list.map((c) => c.email);

describe('notificationsOf: what an event makes', () => {
  const steps = [
    { position: 1, level: 2, status: 'PENDING' },
    { position: 2, level: 4, status: 'PENDING' },
  ];

  it('a pending placement: the dealer hears of it, and the first step waits', () => {
    expect(
      notificationsOf({ event: { type: 'ORDER_PLACED', status: 'PENDING_APPROVAL', data: null }, orderStatus: 'PENDING_APPROVAL', steps }),
    ).toEqual([
      { kind: 'ORDER_PLACED', level: null },
      { kind: 'APPROVAL_WAITING', level: 2, area: 'SALES' },
    ]);
  });

  it('an approved step: the next one waits; the last step (final) makes none', () => {
    const decided = [{ ...steps[0], status: 'APPROVED' }, steps[1]];
    const event = { type: 'APPROVAL_STEP', status: 'PENDING_APPROVAL', data: { step: 1, level: 2, decision: 'APPROVED' } };
    expect(notificationsOf({ event, orderStatus: 'PENDING_APPROVAL', steps: decided })).toEqual([
      { kind: 'APPROVAL_WAITING', level: 4, area: 'FINANCE' },
    ]);
    expect(notificationsOf({ event: { ...event, data: { ...event.data, final: true } }, orderStatus: 'APPROVED', steps: decided })).toEqual(
      [],
    );
  });

  it('nobody is asked for a step decided meanwhile, or an order no longer pending', () => {
    const event = { type: 'ORDER_PLACED', status: 'PENDING_APPROVAL', data: null };
    expect(notificationsOf({ event, orderStatus: 'APPROVED', steps })).toEqual([{ kind: 'ORDER_PLACED', level: null }]);
    expect(notificationsOf({ event, orderStatus: 'PENDING_APPROVAL', steps: [{ ...steps[0], status: 'APPROVED' }] })).toEqual([
      { kind: 'ORDER_PLACED', level: null },
    ]);
  });

  it('status changes: approved, rejected, shipped; others make none', () => {
    const change = (status: string) =>
      notificationsOf({ event: { type: 'STATUS_CHANGED', status, data: null }, orderStatus: status, steps: [] }).map((n) => n.kind);
    expect([change('APPROVED'), change('REJECTED'), change('SHIPPED'), change('DELIVERED'), change('PROCESSING')]).toEqual([
      ['ORDER_APPROVED'],
      ['ORDER_REJECTED'],
      ['ORDER_SHIPPED'],
      ['ORDER_DELIVERED'],
      [],
    ]);
  });

  it('a reminder goes to the waiting level while the order waits', () => {
    const event = { type: 'REMINDER', status: 'PENDING_APPROVAL', data: { level: 2, step: 1 } };
    expect(notificationsOf({ event, orderStatus: 'PENDING_APPROVAL', steps })).toEqual([
      { kind: 'APPROVAL_REMINDER', level: 2, area: 'SALES' },
    ]);
    expect(notificationsOf({ event, orderStatus: 'APPROVED', steps })).toEqual([]);
  });

  it('an escalation names the new level, in the area of the step', () => {
    const event = { type: 'ESCALATED', status: 'PENDING_APPROVAL', data: { level: 2, toLevel: 3, step: 1 } };
    expect(notificationsOf({ event, orderStatus: 'PENDING_APPROVAL', steps })).toEqual([
      { kind: 'APPROVAL_ESCALATED', level: 3, area: 'SALES' },
    ]);
    const director = { type: 'ESCALATED', status: 'PENDING_APPROVAL', data: { level: 3, area: 'SALES', toLevel: 5, step: 1 } };
    expect(notificationsOf({ event: director, orderStatus: 'PENDING_APPROVAL', steps })).toEqual([
      { kind: 'APPROVAL_ESCALATED', level: 5, area: 'SALES' },
    ]);
  });
});

describe('recipientsOf: who gets it', () => {
  it("a dealer kind: every user of the order's dealer, no other dealer's, no staff", () => {
    expect(emails(recipientsOf({ notification: { kind: 'ORDER_SHIPPED', level: null }, order, contacts, optedOut: none }))).toEqual([
      'admin@a.dealer',
      'viewer@a.dealer',
    ]);
  });

  it('waiting at level 2: the regional manager of the region, not the other region, not the levels above', () => {
    expect(emails(recipientsOf({ notification: { kind: 'APPROVAL_WAITING', level: 2 }, order, contacts, optedOut: none }))).toEqual([
      'manager@staff',
    ]);
  });

  it("waiting at level 1: the dealer's own rep only", () => {
    expect(emails(recipientsOf({ notification: { kind: 'APPROVAL_WAITING', level: 1 }, order, contacts, optedOut: none }))).toEqual([
      'rep@staff',
    ]);
  });

  it('nobody in scope at the level: the lowest level above that somebody holds', () => {
    const west = { ...order, dealerRegion: 'South', salesRepUserId: null };
    expect(emails(recipientsOf({ notification: { kind: 'APPROVAL_WAITING', level: 2 }, order: west, contacts, optedOut: none }))).toEqual([
      'director@staff',
    ]);
  });

  it('a sales step is never mailed to FINANCE, a credit step never to a SALES_DIRECTOR', () => {
    const south = { ...order, dealerRegion: 'South', salesRepUserId: null };
    const sales3 = { kind: 'APPROVAL_WAITING' as const, level: 3, area: 'SALES' as const };
    expect(emails(recipientsOf({ notification: sales3, order: south, contacts, optedOut: none }))).toEqual(['director@staff']);
    const credit = { kind: 'APPROVAL_WAITING' as const, level: 4, area: 'FINANCE' as const };
    expect(emails(recipientsOf({ notification: credit, order, contacts, optedOut: none }))).toEqual(['finance@staff']);
    // A sales step escalated to level 5: nobody here is a GENERAL_MANAGER, and FINANCE is not asked instead.
    const top = { kind: 'APPROVAL_ESCALATED' as const, level: 5, area: 'SALES' as const };
    expect(emails(recipientsOf({ notification: top, order, contacts, optedOut: none }))).toEqual([]);
  });

  it("a dealer's own step: that dealer's DEALER_ADMINs only, never staff or another dealer's admin", () => {
    const own = { kind: 'APPROVAL_WAITING' as const, level: 0, area: 'DEALER' as const };
    expect(emails(recipientsOf({ notification: own, order, contacts, optedOut: none }))).toEqual(['admin@a.dealer']);
  });

  it('a user who turned the kind off gets nothing; the others still do', () => {
    const optedOut = new Set(['u1|ORDER_APPROVED']);
    expect(emails(recipientsOf({ notification: { kind: 'ORDER_APPROVED', level: null }, order, contacts, optedOut }))).toEqual([
      'viewer@a.dealer',
    ]);
    expect(emails(recipientsOf({ notification: { kind: 'ORDER_REJECTED', level: null }, order, contacts, optedOut }))).toHaveLength(2);
  });
});

describe('kindsFor: what a user may choose', () => {
  it('dealer users the dealer kinds, approvers the approver kinds, the portal admin none', () => {
    expect(kindsFor('VIEW_ONLY')).toEqual(['ORDER_PLACED', 'ORDER_APPROVED', 'ORDER_REJECTED', 'ORDER_SHIPPED', 'ORDER_DELIVERED']);
    expect(kindsFor('SALES_REP')).toEqual(['APPROVAL_WAITING', 'APPROVAL_REMINDER', 'APPROVAL_ESCALATED']);
    expect(kindsFor('ADMIN')).toEqual([]);
    expect(kindsFor('DEALER_ADMIN')).toEqual([
      'ORDER_PLACED',
      'ORDER_APPROVED',
      'ORDER_REJECTED',
      'ORDER_SHIPPED',
      'ORDER_DELIVERED',
      'APPROVAL_WAITING',
      'APPROVAL_REMINDER',
    ]);
  });
});
