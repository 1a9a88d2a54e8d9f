import { BigIntType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { Rejection } from '../approvals/domain/order-rejection.js';
import type { TakenCartLine } from '../cart/cart.service.js';
import { ORDER_CHANNELS, type OrderChannel } from '../placement/domain/order-channel.js';
import { CANCELLATION_CODES, type CancellationCode } from './domain/order-cancellation.js';
import { ORDER_STATUSES, type OrderStatus } from './domain/order-lifecycle.js';

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
// A user's orders of the month, for their monthly spending limit (approvals/spending-limit.service.ts).
@Index({ name: 'order_placed_by_user_id_placed_at_index', properties: ['placedByUserId', 'placedAt'] })
// The recovery sweep looks for workflows whose lease ran out.
@Index({
  name: 'order_running_lease_index',
  expression: (table, c, name) => `create index "${name}" on ${quoted(table)} ("${c.leaseUntil}") where "${c.workflow}" = 'RUNNING'`,
})
// The recovery sweep looks for lifecycle effects (releases, an approval's hold, a shipment) left unfinished.
@Index({
  name: 'order_effect_lease_index',
  expression: (table, c, name) => `create index "${name}" on ${quoted(table)} ("${c.effectLeaseUntil}") where "${c.effect}" is not null`,
})
// A retried submission with the same key finds the first order instead of placing a second one.
@Unique({ name: 'order_dealer_id_idempotency_key_unique', properties: ['dealerId', 'idempotencyKey'] })
export class Order {
  [OptionalProps]?:
    | 'placedByUserId'
    | 'poNumber'
    | 'idempotencyKey'
    | 'updatedAt'
    | 'requestHash'
    | 'request'
    | 'workflow'
    | 'workflowStep'
    | 'compensating'
    | 'leaseUntil'
    | 'warning'
    | 'overLimitApproved'
    | 'carrier'
    | 'trackingNumber'
    | 'erpOrderNumber'
    | 'erpAcknowledgedAt'
    | 'confirmedShipDate'
    | 'confirmedDeliveryDate'
    | 'rejection'
    | 'dealerRegion'
    | 'salesRepUserId'
    | 'approvalFacts'
    | 'effect'
    | 'effectLeaseUntil'
    | 'paymentDue'
    | 'paymentDueBy'
    | 'deferredLines'
    | 'channel'
    | 'cancellationCode';

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

  /** sha256 of the submission (lines, PO number, confirmed prices): the same key with another body is refused. */
  @Property({ type: 'text', nullable: true })
  requestHash: string | null = null;

  /** The submission itself, so that a workflow interrupted before pricing can be resumed. */
  @Property({ type: 'jsonb', nullable: true })
  request: OrderRequest | null = null;

  /**
   * RUNNING while placeOrder works through its steps (the order is invisible to every list), DONE
   * once it ended in a status. A failed workflow deletes its order, so the key can be retried.
   */
  @Property({ type: 'text', default: 'DONE' })
  workflow: 'RUNNING' | 'DONE' = 'DONE';

  /** The last step of the placeOrder workflow that completed (claimed, priced, reserved, held). */
  @Property({ type: 'text', nullable: true })
  workflowStep: WorkflowStep | null = null;

  /** True once the workflow is being undone (releases, then the order is deleted); nothing may finish it then. */
  @Property({ type: 'boolean', default: false })
  compensating: boolean = false;

  /** Whoever runs the workflow owns it until then; the recovery sweep takes over orders past it. */
  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  /** A credit warning the order was placed with (SOFT_WARNING). */
  @Property({ type: 'text', nullable: true })
  warning: string | null = null;

  /** True when a FINANCE approver accepted that the order exceeds the credit limit. */
  @Property({ type: 'boolean', default: false })
  overLimitApproved: boolean = false;

  @Property({ type: 'text', nullable: true })
  carrier: string | null = null;

  @Property({ type: 'text', nullable: true })
  trackingNumber: string | null = null;

  /** The ERP's own number for the order (acknowledgeOrder); null until the ERP acknowledged it. */
  @Property({ type: 'text', nullable: true })
  erpOrderNumber: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  erpAcknowledgedAt: Date | null = null;

  /** The dates the ERP confirmed (ISO dates, YYYY-MM-DD); null when it gave none. */
  @Property({ type: 'date', nullable: true })
  confirmedShipDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  confirmedDeliveryDate: string | null = null;

  /** Why an approver rejected it (code, text, suggested alternatives); null unless REJECTED. */
  @Property({ type: 'jsonb', nullable: true })
  rejection: Rejection | null = null;

  /** The dealer's sales region when the order was placed (approver scope of a REGIONAL_MANAGER); null for orders from before. */
  @Index()
  @Property({ type: 'text', nullable: true })
  dealerRegion: string | null = null;

  /** The dealer's SALES_REP when the order was placed (approver scope of a rep); null when it had none. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  salesRepUserId: string | null = null;

  /** What the approval rules look at, snapshot at pricing (lines' price sources and product handling, the dealer's history flag). */
  @Property({ type: 'jsonb', nullable: true })
  approvalFacts: ApprovalFacts | null = null;

  /**
   * What other services must still do for the order's last lifecycle change, committed with that
   * change and cleared once done (order-effects.service.ts): null when nothing is pending.
   */
  @Property({ type: 'jsonb', nullable: true })
  effect: OrderEffect | null = null;

  /** Whoever drives the effect owns it until then; the recovery sweep takes over effects past it. */
  @Property({ type: 'timestamptz', nullable: true })
  effectLeaseUntil: Date | null = null;

  /** How the order reached the distributor: PORTAL (a dealer user), API (an API client), or the channel staff keyed it in from. */
  @Enum({ items: () => ORDER_CHANNELS, default: 'PORTAL' })
  channel: OrderChannel = 'PORTAL';

  /** Why it was cancelled (orders/domain/order-cancellation.ts); null unless cancelled with a code. */
  @Enum({ items: () => CANCELLATION_CODES, nullable: true })
  cancellationCode: CancellationCode | null = null;

  /** PAYMENT_REQUIRED: what the dealer pays up front before the order proceeds, in minor units (0: nothing). */
  @Property({ type: new BigIntType('number'), default: 0 })
  paymentDue: number = 0;

  /** PAYMENT_REQUIRED: when an order still AWAITING_PAYMENT is cancelled and its stock and credit released. */
  @Property({ type: 'timestamptz', nullable: true })
  paymentDueBy: Date | null = null;

  /** PARTIAL_ORDER: the lines credit left out of the order (back in the cart for a cart order); null when none. */
  @Property({ type: 'jsonb', nullable: true })
  deferredLines: DeferredLine[] | null = null;
}

/** A line PARTIAL_ORDER left out of an order because it did not fit the available credit. */
export interface DeferredLine {
  sku: string;
  quantity: number;
  /** What it would have cost, in minor units, when it was left out. */
  lineTotal: number;
}

/**
 * A lifecycle change's work in other services, done after the change committed, idempotent by
 * order id: RELEASE (a cancelled or rejected order gives back its credit hold, special price units
 * and stock), HOLD (the last approval holds credit, then the order becomes APPROVED), SHIP (the
 * stock leaves the warehouse, then the order becomes SHIPPED).
 */
export type OrderEffect =
  | { kind: 'RELEASE'; id: string }
  | {
      kind: 'HOLD';
      id: string;
      byUserId: string;
      comment: string | null;
      /** The approval steps the approver decided; approved when the hold is had. */
      stepIds: string[];
      approverLevel: number;
      /** The approver's role (absent in effects written before areas: the role of `approverLevel`). */
      approverRole?: string;
      overLimitApproved: boolean;
    }
  | { kind: 'SHIP'; id: string; byUserId: string; carrier: string; trackingNumber: string; comment: string | null };

/** The facts of an order the approval routing reads, beyond its total. */
export interface ApprovalFacts {
  lines: { sku: string; specialPrice: boolean; appliedRules: string[]; discountBp: number; handling: string[]; preApproved?: boolean }[];
  firstOrdersReviewed: boolean;
}

/** Steps of the placeOrder workflow, in order. */
export type WorkflowStep = 'CLAIMED' | 'PRICED' | 'RESERVED' | 'HELD';

/** One line as submitted; the expected price is the one the dealer confirmed, in minor units. */
export interface OrderRequestLine {
  sku: string;
  quantity: number;
  expectedUnitPrice: number | null;
}

/** A placeOrder submission as stored with its order. */
export interface OrderRequest {
  lines: OrderRequestLine[];
  poNumber: string | null;
  expectedTotal: number | null;
  /** True when the lines came from the caller's cart. */
  fromCart: boolean;
  /** The cart lines the order took (moved out of the cart at the claim); given back if it is not placed. */
  cartLines?: TakenCartLine[];
}
