import { describe, expect, it } from 'vitest';

import {
  allowedNext,
  assertTransition,
  canTransition,
  InvalidTransitionError,
  isTerminal,
  ORDER_STATUSES,
  type OrderStatus,
  transitionRefusal,
} from './order-lifecycle.js';

// The lifecycle written out independently of the implementation's table: one row per `from`, one
// column per `to`, in this order. 1 = allowed.
const COLUMNS = [
  'AWAITING_PAYMENT',
  'PENDING_APPROVAL',
  'APPROVED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'REJECTED',
  'CANCELLED',
] as const;
const MATRIX: Record<OrderStatus, string> = {
  //                 AW PA AP PR SH DE RE CA
  AWAITING_PAYMENT: '0  1  1  0  0  0  0  1',
  PENDING_APPROVAL: '0  0  1  0  0  0  1  1',
  APPROVED: '0  0  0  1  0  0  0  1',
  PROCESSING: '0  0  0  0  1  0  0  1',
  SHIPPED: '0  0  0  0  0  1  0  0',
  DELIVERED: '0  0  0  0  0  0  0  0',
  REJECTED: '0  0  0  0  0  0  0  0',
  CANCELLED: '0  0  0  0  0  0  0  0',
};

const expected = (from: OrderStatus, to: OrderStatus) => MATRIX[from].split(/\s+/)[COLUMNS.indexOf(to)] === '1';
const pairs = COLUMNS.flatMap((from) => COLUMNS.map((to) => ({ from, to, allowed: expected(from, to) })));

describe('order lifecycle', () => {
  it('knows exactly the eight statuses of the public API', () => {
    expect([...ORDER_STATUSES].sort()).toEqual([...COLUMNS].sort());
    expect(pairs).toHaveLength(64);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(11);
  });

  it.each(pairs)('$from -> $to: allowed=$allowed', ({ from, to, allowed }) => {
    expect(canTransition({ from, to })).toBe(allowed);
    if (allowed) {
      expect(() => assertTransition({ from, to })).not.toThrow();
    } else {
      let thrown: unknown;
      try {
        assertTransition({ from, to });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidTransitionError);
      expect(thrown).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
      expect((thrown as Error).message).toContain(from);
    }
  });

  it.each(COLUMNS)('allowedNext(%s) lists the allowed targets', (from) => {
    expect([...allowedNext(from)].sort()).toEqual(COLUMNS.filter((to) => expected(from, to)).sort());
  });

  it('has DELIVERED, REJECTED and CANCELLED as its only terminal statuses', () => {
    expect(COLUMNS.filter(isTerminal)).toEqual(['DELIVERED', 'REJECTED', 'CANCELLED']);
  });

  it('cannot be changed through what allowedNext returns', () => {
    const next = allowedNext('SHIPPED') as OrderStatus[];
    expect(() => next.push('CANCELLED')).toThrow();
    expect(canTransition({ from: 'SHIPPED', to: 'CANCELLED' })).toBe(false);
  });

  // Who takes each edge, written out independently too: D = the dealer's users, S = staff.
  const TAKERS: Record<string, string> = {
    'AWAITING_PAYMENT>PENDING_APPROVAL': 'S',
    'AWAITING_PAYMENT>APPROVED': 'S',
    'AWAITING_PAYMENT>CANCELLED': 'DS',
    'PENDING_APPROVAL>APPROVED': 'S',
    'PENDING_APPROVAL>REJECTED': 'S',
    'PENDING_APPROVAL>CANCELLED': 'DS',
    'APPROVED>PROCESSING': 'S',
    'APPROVED>CANCELLED': 'DS',
    'PROCESSING>SHIPPED': 'S',
    'PROCESSING>CANCELLED': 'S',
    'SHIPPED>DELIVERED': 'S',
  };

  it.each(pairs)('$from -> $to: exactly the parties of the table may take it, everyone else hears INVALID_TRANSITION', ({ from, to }) => {
    const takers = TAKERS[`${from}>${to}`] ?? '';
    for (const [party, letter] of [
      ['DEALER', 'D'],
      ['STAFF', 'S'],
    ] as const) {
      const refusal = transitionRefusal({ from, to, party });
      if (takers.includes(letter)) expect(refusal).toBeNull();
      else expect(refusal).toMatchObject({ code: 'INVALID_TRANSITION' });
    }
  });

  it('tells a dealer who may take an edge it may not: the distributor', () => {
    expect(transitionRefusal({ from: 'PROCESSING', to: 'CANCELLED', party: 'DEALER' })?.message).toMatch(/only by the distributor/);
  });
});
