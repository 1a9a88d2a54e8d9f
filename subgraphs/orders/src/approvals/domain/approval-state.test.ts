import { describe, expect, it } from 'vitest';

import { approvalStateOf, currentStepOf } from './approval-state.js';

const step = (position: number, status: string) => ({ position, status });

describe('approvalStateOf', () => {
  it('is PENDING while the order waits, whatever its steps say', () => {
    expect(approvalStateOf({ status: 'PENDING_APPROVAL', steps: [step(1, 'APPROVED'), step(2, 'PENDING')] })).toBe('PENDING');
  });

  it('is NOT_REQUIRED for an order approved automatically, also later in its life', () => {
    expect(approvalStateOf({ status: 'APPROVED', steps: [] })).toBe('NOT_REQUIRED');
    expect(approvalStateOf({ status: 'DELIVERED', steps: [] })).toBe('NOT_REQUIRED');
  });

  it('is APPROVED once every step is, also after shipping or a later cancellation', () => {
    expect(approvalStateOf({ status: 'SHIPPED', steps: [step(1, 'APPROVED'), step(2, 'APPROVED')] })).toBe('APPROVED');
    expect(approvalStateOf({ status: 'CANCELLED', steps: [step(1, 'APPROVED')] })).toBe('APPROVED');
  });

  it('is REJECTED when an approver said no, and WITHDRAWN when cancelled while waiting', () => {
    expect(approvalStateOf({ status: 'REJECTED', steps: [step(1, 'APPROVED'), step(2, 'REJECTED')] })).toBe('REJECTED');
    expect(approvalStateOf({ status: 'CANCELLED', steps: [step(1, 'APPROVED'), step(2, 'PENDING')] })).toBe('WITHDRAWN');
  });
});

describe('currentStepOf', () => {
  it('is the first pending step of a pending order, by position', () => {
    const steps = [step(3, 'PENDING'), step(1, 'APPROVED'), step(2, 'PENDING')];
    expect(currentStepOf({ status: 'PENDING_APPROVAL', steps })).toEqual(step(2, 'PENDING'));
  });

  it('is null for an order that waits for nobody', () => {
    expect(currentStepOf({ status: 'CANCELLED', steps: [step(1, 'PENDING')] })).toBeNull();
    expect(currentStepOf({ status: 'APPROVED', steps: [] })).toBeNull();
  });
});
