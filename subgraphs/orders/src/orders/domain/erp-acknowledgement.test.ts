import { describe, expect, it } from 'vitest';

import { acknowledgement } from './erp-acknowledgement.js';

describe("the ERP's acknowledgement of an order", () => {
  it('records the number and dates and moves an approved order to PROCESSING', () => {
    expect(
      acknowledgement({
        status: 'APPROVED',
        current: null,
        erpOrderNumber: ' SO-77 ',
        confirmedShipDate: '2026-12-08',
        confirmedDeliveryDate: '2026-12-10',
      }),
    ).toEqual({
      ok: true,
      erpOrderNumber: 'SO-77',
      confirmedShipDate: '2026-12-08',
      confirmedDeliveryDate: '2026-12-10',
      moveTo: 'PROCESSING',
      first: true,
    });
  });

  it('is a repeat with the same number and a conflict with another', () => {
    expect(acknowledgement({ status: 'PROCESSING', current: 'SO-77', erpOrderNumber: 'SO-77' })).toMatchObject({
      ok: true,
      moveTo: null,
      first: false,
    });
    expect(acknowledgement({ status: 'SHIPPED', current: 'SO-77', erpOrderNumber: 'SO-78' })).toMatchObject({
      ok: false,
      code: 'ERP_ORDER_NUMBER_CONFLICT',
    });
  });

  it('only acknowledges an order the ERP was sent', () => {
    for (const status of ['PENDING_APPROVAL', 'REJECTED', 'CANCELLED'] as const)
      expect(acknowledgement({ status, current: null, erpOrderNumber: 'SO-1' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('refuses a number or dates it cannot keep', () => {
    const code = (input: Partial<Parameters<typeof acknowledgement>[0]>) => {
      const result = acknowledgement({ status: 'APPROVED', current: null, erpOrderNumber: 'SO-1', ...input });
      return result.ok ? 'OK' : result.field.at(-1);
    };
    expect(code({ erpOrderNumber: '  ' })).toBe('erpOrderNumber');
    expect(code({ erpOrderNumber: 'x'.repeat(65) })).toBe('erpOrderNumber');
    expect(code({ erpOrderNumber: 'SO\u0000' })).toBe('erpOrderNumber');
    expect(code({ confirmedShipDate: '2026-02-30' })).toBe('confirmedShipDate');
    expect(code({ confirmedShipDate: 'tomorrow' })).toBe('confirmedShipDate');
    expect(code({ confirmedDeliveryDate: '9999-01-01' })).toBe('confirmedDeliveryDate');
    expect(code({ confirmedShipDate: '2026-12-10', confirmedDeliveryDate: '2026-12-09' })).toBe('confirmedDeliveryDate');
  });
});
