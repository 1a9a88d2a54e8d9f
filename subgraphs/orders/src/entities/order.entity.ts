import { BigIntType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-lifecycle.js';

/** `"schema"."table"`: the table is named "order", a reserved word, so it is always quoted. */
const quoted = (table: { schema?: string; name: string }) => `${table.schema ? `"${table.schema}".` : ''}"${table.name}"`;

/**
 * An order of one dealer. The dealer, the user who placed it and the products of its lines live in
 * other subgraphs: this table holds their ids only.
 */
@Entity({ tableName: 'order' })
// A dealer's order history, newest first (id breaks ties, so pages are stable): one index range scan.
@Index({
  name: 'order_dealer_id_placed_at_index',
  expression: (table, c, name) => `create index "${name}" on ${quoted(table)} ("${c.dealerId}", "${c.placedAt}" desc, "${c.id}" desc)`,
})
// Staff see every dealer's orders, newest first.
@Index({
  name: 'order_placed_at_index',
  expression: (table, c, name) => `create index "${name}" on ${quoted(table)} ("${c.placedAt}" desc, "${c.id}" desc)`,
})
// A retried submission with the same key finds the first order instead of placing a second one.
@Unique({ name: 'order_dealer_id_idempotency_key_unique', properties: ['dealerId', 'idempotencyKey'] })
export class Order {
  [OptionalProps]?: 'placedByUserId' | 'poNumber' | 'idempotencyKey' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The order number people quote, e.g. "SO-2026-000123"; unique. */
  @Property({ type: 'text', unique: true })
  number!: string;

  /** The dealer (owned by the dealers subgraph); the leading column of the indexes above. */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The dealer user who placed the order; null for orders that came in another way (e.g. the ERP). */
  @Property({ type: 'uuid', nullable: true })
  placedByUserId: string | null = null;

  @Enum({ items: () => ORDER_STATUSES })
  status!: OrderStatus;

  /** ISO 4217 code of every amount of the order. */
  @Property({ type: 'text' })
  currency!: string;

  /** Sum of the line totals, in minor units. */
  @Property({ type: new BigIntType('number') })
  total!: number;

  /** The dealer's own purchase order number. */
  @Property({ type: 'text', nullable: true })
  poNumber: string | null = null;

  /** The key the dealer's client sent with the submission; unique per dealer. */
  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'timestamptz' })
  placedAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
