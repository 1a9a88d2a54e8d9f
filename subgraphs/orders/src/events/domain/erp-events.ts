/**
 * Which order events the ERP hears of, as which webhook event:
 * 1. The order becomes APPROVED (placed approved, or approved later): `order.approved`, the sales
 *    order for the ERP to create.
 * 2. An order that had been approved is CANCELLED: `order.cancelled` (one cancelled before its
 *    approval never reached the ERP, so nothing is sent).
 * 3. An approved order moves on (PROCESSING, SHIPPED, DELIVERED): `order.changed`.
 * Everything else (placement awaiting approval, approval steps, reminders, rejections) stays inside.
 */
export type ErpOrderEventType = 'order.approved' | 'order.cancelled' | 'order.changed';

export function erpEventType(event: { type: string; status: string | null; wasApproved: boolean }): ErpOrderEventType | null {
  if (event.type !== 'STATUS_CHANGED' && event.type !== 'ORDER_PLACED') return null;
  if (event.status === 'APPROVED') return 'order.approved';
  if (event.type !== 'STATUS_CHANGED') return null;
  if (event.status === 'CANCELLED') return event.wasApproved ? 'order.cancelled' : null;
  if (event.status === 'PROCESSING' || event.status === 'SHIPPED' || event.status === 'DELIVERED') return 'order.changed';
  return null;
}
