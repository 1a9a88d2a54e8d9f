import type { OrderStatus } from './order-lifecycle.js';

/**
 * What the ERP's acknowledgement of an order does, in this order:
 * 1. The ERP order number is 1-64 printable characters; confirmed dates are calendar dates
 *    (YYYY-MM-DD), delivery not before shipping.
 * 2. Only an order the ERP was sent is acknowledged: APPROVED or later (PROCESSING, SHIPPED,
 *    DELIVERED); anything else is INVALID_TRANSITION.
 * 3. An order keeps its first ERP number: the same number again is a repeat (the dates may be
 *    updated), another one is ERP_ORDER_NUMBER_CONFLICT.
 * 4. An APPROVED order moves to PROCESSING: the ERP has it.
 */

export interface AcknowledgementInput {
  status: OrderStatus;
  /** The ERP number the order already has, or null. */
  current: string | null;
  erpOrderNumber: string;
  confirmedShipDate?: string | null;
  confirmedDeliveryDate?: string | null;
}

export type Acknowledgement =
  | {
      ok: true;
      erpOrderNumber: string;
      confirmedShipDate: string | null;
      confirmedDeliveryDate: string | null;
      /** PROCESSING when the order moves on, null when its status stays. */
      moveTo: 'PROCESSING' | null;
      /** False for a repeat of the first acknowledgement. */
      first: boolean;
    }
  | { ok: false; code: 'INVALID_INPUT' | 'INVALID_TRANSITION' | 'ERP_ORDER_NUMBER_CONFLICT'; message: string; field: string[] };

const ACKNOWLEDGEABLE: readonly OrderStatus[] = ['APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED'];

function calendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2199-12-31';
}

export function acknowledgement(input: AcknowledgementInput): Acknowledgement {
  const erpOrderNumber = input.erpOrderNumber.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (!erpOrderNumber || erpOrderNumber.length > 64 || /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(erpOrderNumber))
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'The ERP order number is 1 to 64 printable characters.',
      field: ['input', 'erpOrderNumber'],
    };
  const ship = input.confirmedShipDate?.trim() || null;
  const delivery = input.confirmedDeliveryDate?.trim() || null;
  if (ship && !calendarDate(ship))
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'The confirmed ship date is a date: YYYY-MM-DD.',
      field: ['input', 'confirmedShipDate'],
    };
  if (delivery && !calendarDate(delivery))
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'The confirmed delivery date is a date: YYYY-MM-DD.',
      field: ['input', 'confirmedDeliveryDate'],
    };
  if (ship && delivery && delivery < ship)
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'The order cannot be delivered before it ships.',
      field: ['input', 'confirmedDeliveryDate'],
    };
  if (!ACKNOWLEDGEABLE.includes(input.status))
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `An order that is ${input.status} was not sent to the ERP and cannot be acknowledged.`,
      field: ['input', 'orderId'],
    };
  if (input.current && input.current !== erpOrderNumber)
    return {
      ok: false,
      code: 'ERP_ORDER_NUMBER_CONFLICT',
      message: `The order was acknowledged as ${input.current} already.`,
      field: ['input', 'erpOrderNumber'],
    };
  return {
    ok: true,
    erpOrderNumber,
    confirmedShipDate: ship,
    confirmedDeliveryDate: delivery,
    moveTo: input.status === 'APPROVED' ? 'PROCESSING' : null,
    first: input.current === null,
  };
}
