import { describe, expect, it } from 'vitest';

import { erpEventType } from './erp-events.js';

describe('the order events the ERP hears of', () => {
  it('sends the order when it becomes approved, at placement or later', () => {
    expect(erpEventType({ type: 'ORDER_PLACED', status: 'APPROVED', wasApproved: true })).toBe('order.approved');
    expect(erpEventType({ type: 'STATUS_CHANGED', status: 'APPROVED', wasApproved: true })).toBe('order.approved');
  });

  it('sends a cancellation only of an order it had', () => {
    expect(erpEventType({ type: 'STATUS_CHANGED', status: 'CANCELLED', wasApproved: true })).toBe('order.cancelled');
    expect(erpEventType({ type: 'STATUS_CHANGED', status: 'CANCELLED', wasApproved: false })).toBeNull();
  });

  it('sends the later steps as changes and keeps the rest inside', () => {
    for (const status of ['PROCESSING', 'SHIPPED', 'DELIVERED'])
      expect(erpEventType({ type: 'STATUS_CHANGED', status, wasApproved: true })).toBe('order.changed');
    expect(erpEventType({ type: 'ORDER_PLACED', status: 'PENDING_APPROVAL', wasApproved: false })).toBeNull();
    expect(erpEventType({ type: 'STATUS_CHANGED', status: 'REJECTED', wasApproved: false })).toBeNull();
    expect(erpEventType({ type: 'APPROVAL_STEP', status: 'APPROVED', wasApproved: true })).toBeNull();
    expect(erpEventType({ type: 'REMINDER', status: 'PENDING_APPROVAL', wasApproved: false })).toBeNull();
  });
});
