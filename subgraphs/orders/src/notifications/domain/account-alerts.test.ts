import { describe, expect, it } from 'vitest';

import { creditAlert, type CreditThreshold, type InvoiceNotice, invoiceNotice } from './account-alerts.js';
import { adminAlertOf } from './admin-alerts.js';
import { rateLimitedAt } from './recipient-rate-limit.js';

describe('credit nearing its limit', () => {
  it('notifies 80 % and 90 % once per crossing, and again after usage fell below and climbed back', () => {
    let notified: CreditThreshold[] = [];
    const step = (used: number) => {
      const decision = creditAlert({ limit: 1_000_000, used, notified });
      notified = decision.notified;
      return decision.notify;
    };
    expect(step(799_999)).toBeNull();
    expect(step(800_000)).toBe(80);
    expect(step(850_000)).toBeNull();
    expect(step(900_000)).toBe(90);
    expect(step(950_000)).toBeNull();
    expect(step(850_000)).toBeNull(); // below 90: armed again, still at 80
    expect(notified).toEqual([80]);
    expect(step(910_000)).toBe(90);
    expect(step(100_000)).toBeNull(); // a payment: both armed again
    expect(step(920_000)).toBe(90); // past both at once: the higher only
    expect(notified).toEqual([80, 90]);
  });

  it('notifies nothing without a limit', () => {
    expect(creditAlert({ limit: 0, used: 5, notified: [] })).toEqual({ notify: null, notified: [] });
  });
});

describe('invoices due and overdue', () => {
  const dueAt = new Date('2026-12-10T00:00:00Z');
  const at = (iso: string, sent: InvoiceNotice[] = [], paid = false) =>
    invoiceNotice({ dueAt, now: new Date(iso), dueSoonDays: 3, paid, sent });

  it('reminds N days before, then each overdue step once', () => {
    expect(at('2026-12-06T23:59:00Z').notify).toBeNull();
    expect(at('2026-12-07T00:00:00Z').notify).toBe('DUE_SOON');
    expect(at('2026-12-08T00:00:00Z', ['DUE_SOON']).notify).toBeNull();
    expect(at('2026-12-24T23:00:00Z', ['DUE_SOON']).notify).toBeNull(); // 14 days past
    expect(at('2026-12-25T00:00:00Z', ['DUE_SOON'])).toEqual({ notify: 'OVERDUE_15', sent: ['DUE_SOON', 'OVERDUE_15'] });
    expect(at('2027-01-09T00:00:00Z', ['DUE_SOON', 'OVERDUE_15']).notify).toBe('OVERDUE_30');
    expect(at('2027-01-24T00:00:00Z', ['DUE_SOON', 'OVERDUE_15', 'OVERDUE_30']).notify).toBe('OVERDUE_45');
    expect(at('2027-03-01T00:00:00Z', ['DUE_SOON', 'OVERDUE_15', 'OVERDUE_30', 'OVERDUE_45']).notify).toBeNull();
  });

  it('after a long silence sends only the latest step; a paid invoice nothing', () => {
    expect(at('2027-01-10T00:00:00Z')).toEqual({ notify: 'OVERDUE_30', sent: ['DUE_SOON', 'OVERDUE_15', 'OVERDUE_30'] });
    expect(at('2027-01-10T00:00:00Z', [], true).notify).toBeNull();
  });
});

describe('the rate limit per recipient', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('lets the first N of an hour through and defers the next to when a slot frees', () => {
    expect(rateLimitedAt({ now, kind: 'ORDER_SHIPPED', recentSends: [ago(50), ago(10)], perHour: 3 })).toEqual(now);
    expect(rateLimitedAt({ now, kind: 'ORDER_SHIPPED', recentSends: [ago(50), ago(10), ago(5)], perHour: 3 })).toEqual(
      new Date(ago(50).getTime() + 3_600_000),
    );
    // Older than an hour does not count.
    expect(rateLimitedAt({ now, kind: 'ORDER_SHIPPED', recentSends: [ago(70), ago(65), ago(61)], perHour: 3 })).toEqual(now);
  });

  it('never defers an urgent kind', () => {
    expect(rateLimitedAt({ now, kind: 'APPROVAL_ESCALATED', recentSends: [ago(1), ago(2), ago(3)], perHour: 3 })).toEqual(now);
  });
});

describe('alerts for staff admins', () => {
  it('go to every active admin and nobody else, one per failure', () => {
    const staff = [
      { id: 'a1', role: 'ADMIN', dealerId: null, active: true },
      { id: 'a2', role: 'ADMIN', dealerId: null, active: false },
      { id: 'gm', role: 'GENERAL_MANAGER', dealerId: null, active: true },
      { id: 'd1', role: 'DEALER_ADMIN', dealerId: 'D', active: true },
    ];
    const alert = adminAlertOf({
      failure: { kind: 'DELIVERY_DEAD_LETTERED', id: 'w-1', what: 'order.approved to https://erp.example/hook', error: 'HTTP 500' },
      staff,
    });
    expect(alert.recipients).toEqual(['a1']);
    expect(alert.key).toBe('DELIVERY_DEAD_LETTERED:w-1');
    expect(alert.subject).toBe('Webhook delivery dead-lettered: order.approved to https://erp.example/hook');
    expect(adminAlertOf({ failure: { kind: 'IMPORT_FAILED', id: 'j-9', what: 'products.csv', error: 'row 3' }, staff }).subject).toBe(
      'Import failed: products.csv',
    );
  });
});
