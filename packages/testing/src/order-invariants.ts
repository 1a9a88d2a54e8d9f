import pg from 'pg';

/**
 * What must hold in the database between orders, credit and products whatever the clients did,
 * however concurrently (issue 12). Read straight from the tables after a burst of requests:
 *
 * - a live order (AWAITING_PAYMENT, PENDING_APPROVAL, APPROVED, PROCESSING) holds its stock
 *   reservation; an approved or processing one also holds an ACTIVE credit hold of its total, a
 *   pending one none unless it was a PAYMENT_REQUIRED order (a prepay hold, as AWAITING_PAYMENT has);
 * - a shipped or delivered order's reservation has shipped, its hold is ACTIVE or INVOICED;
 * - a cancelled or rejected order holds neither an ACTIVE hold nor a RESERVED reservation;
 * - no hold or reservation of an order that does not exist (a placement that left something behind);
 * - no placement workflow still RUNNING and no lifecycle effect still pending (`settled`);
 * - stock rows: 0 <= reserved, and the reservations of the checked orders fit in what is reserved;
 * - carts: every line has a quantity from 1 to the maximum, one line per product and user.
 *
 * Orders placed before `since` (the demo history, which has no holds or reservations) are left out.
 */
export interface OrderInvariantOptions {
  /** Only orders placed at or after this moment are checked. */
  since: Date;
  /** Expect every workflow and effect to have ended (true after a burst has been answered). */
  settled?: boolean;
  /** The largest quantity a cart line may have. */
  maxLineQuantity?: number;
}

/** One broken promise, readable in a test failure. */
export type InvariantViolation = string;

const LIVE = ['AWAITING_PAYMENT', 'PENDING_APPROVAL', 'APPROVED', 'PROCESSING'];

/** Checks every invariant above on the database at `url`; an empty list when all hold. */
export async function checkOrderInvariants(url: string, options: OrderInvariantOptions): Promise<InvariantViolation[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const found: InvariantViolation[] = [];
    const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    const orders = await rows(
      `select o.id, o.number, o.status, o.total::bigint as total, o.payment_due::bigint as payment_due, o.workflow, to_jsonb(o) -> 'effect' as effect,
              h.status as hold_status, h.amount::bigint as hold_amount, r.status as reservation_status
         from orders."order" o
         left join credit.credit_hold h on h.order_id = o.id
         left join products.order_reservation r on r.order_id = o.id
        where o.placed_at >= $1`,
      [options.since],
    );
    for (const o of orders) {
      const name = `${o.number} (${o.status})`;
      if (o.workflow !== 'DONE') {
        if (options.settled) found.push(`${name}: its placement is still ${o.workflow}`);
        continue;
      }
      if (o.effect) {
        if (options.settled) found.push(`${name}: its ${o.effect.kind} effect is still pending`);
        continue;
      }
      const activeHold = o.hold_status === 'ACTIVE';
      if (LIVE.includes(o.status) && o.reservation_status !== 'RESERVED')
        found.push(`${name}: a live order without its stock reservation (${o.reservation_status ?? 'none'})`);
      if ((o.status === 'APPROVED' || o.status === 'PROCESSING') && (!activeHold || Number(o.hold_amount) !== Number(o.total)))
        found.push(`${name}: approved without an ACTIVE credit hold of its total (${o.hold_status ?? 'none'} ${o.hold_amount ?? ''})`);
      // A PAYMENT_REQUIRED order holds its credit from placement (a prepay hold), paid or not, pending or not.
      const prepaid = Number(o.payment_due) > 0;
      if (o.status === 'PENDING_APPROVAL' && activeHold && !prepaid) found.push(`${name}: pending but already holds credit`);
      if (o.status === 'AWAITING_PAYMENT' && (!activeHold || Number(o.hold_amount) !== Number(o.total) || !prepaid))
        found.push(`${name}: awaiting payment without a prepay hold of its total (${o.hold_status ?? 'none'} ${o.hold_amount ?? ''})`);
      if (o.status === 'SHIPPED' || o.status === 'DELIVERED') {
        if (o.reservation_status !== 'SHIPPED') found.push(`${name}: shipped but its reservation is ${o.reservation_status ?? 'none'}`);
        if (o.hold_status !== 'ACTIVE' && o.hold_status !== 'INVOICED') found.push(`${name}: shipped without its credit hold`);
      }
      if ((o.status === 'CANCELLED' || o.status === 'REJECTED') && (activeHold || o.reservation_status === 'RESERVED'))
        found.push(
          `${name}: ended but still holds ${[activeHold && 'credit', o.reservation_status === 'RESERVED' && 'stock'].filter(Boolean).join(' and ')}`,
        );
    }
    const orphanHolds = await rows(
      `select h.order_id from credit.credit_hold h where h.status = 'ACTIVE' and h.created_at >= $1
          and not exists (select 1 from orders."order" o where o.id = h.order_id)`,
      [options.since],
    );
    for (const h of orphanHolds) found.push(`credit hold of order ${h.order_id}: ACTIVE, but the order does not exist`);
    const orphanReservations = await rows(
      `select r.order_id from products.order_reservation r where r.status = 'RESERVED' and r.created_at >= $1
          and not exists (select 1 from orders."order" o where o.id = r.order_id)`,
      [options.since],
    );
    for (const r of orphanReservations) found.push(`stock reservation of order ${r.order_id}: RESERVED, but the order does not exist`);
    const stock = await rows(
      `select s.product_id, s.warehouse_id, s.reserved, coalesce(sum(l.quantity), 0)::int as held
         from products.stock_level s
         left join products.stock_reservation l on l.product_id = s.product_id and l.warehouse_id = s.warehouse_id and l.status = 'RESERVED'
        group by s.product_id, s.warehouse_id, s.reserved
       having s.reserved < 0 or s.reserved < coalesce(sum(l.quantity), 0)`,
    );
    for (const s of stock) found.push(`stock of ${s.product_id} at ${s.warehouse_id}: reserved ${s.reserved}, reservations hold ${s.held}`);
    const carts = await rows(`select user_id, sku, quantity from orders.cart_line where quantity < 1 or quantity > $1`, [
      options.maxLineQuantity ?? 1_000_000,
    ]);
    for (const c of carts) found.push(`cart of ${c.user_id}: ${c.sku} has quantity ${c.quantity}`);
    return found;
  } finally {
    await db.end();
  }
}
