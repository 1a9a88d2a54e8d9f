import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

import { Order } from '../orders/order.entity.js';
import { APPROVAL_AREAS, type ApprovalArea } from './domain/approval-areas.js';

/** Where one approval step stands. */
export type ApprovalStepStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * One step of an order's approval chain, as the routing rules planned it at placement: the level
 * that must decide, why, and the decision once made.
 */
@Entity({ tableName: 'order_approval_step' })
@Unique({ name: 'order_approval_step_order_id_position_unique', properties: ['order', 'position'] })
export class OrderApprovalStep {
  [OptionalProps]?:
    'area' | 'status' | 'decidedByUserId' | 'decidedAt' | 'comment' | 'dueAt' | 'remindedAt' | 'escalations' | 'deadlineHours';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order!: Ref<Order>;

  /** 1-based place in the chain; steps are decided in this order. */
  @Property({ type: 'integer' })
  position!: number;

  /** Approval level that may decide it (or a higher one of its area; 0 for a DEALER step). */
  @Property({ type: 'integer' })
  level!: number;

  /** Whose ladder decides it (domain/approval-areas.ts): SALES, FINANCE or the dealer's own DEALER step. */
  @Enum({ items: () => APPROVAL_AREAS, default: 'SALES' })
  area: ApprovalArea = 'SALES';

  @Property({ type: 'text' })
  role!: string;

  /** The routing rule that asked for it. */
  @Property({ type: 'text' })
  rule!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', default: 'PENDING' })
  status: ApprovalStepStatus = 'PENDING';

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  /** When the waiting step must be decided; set by the escalation sweep once the step is the one waiting. */
  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  /** When the approvers were reminded of the deadline; null until then (reset by an escalation). */
  @Property({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null = null;

  /** Hours the step may wait, from its rule; null: the level's default. */
  @Property({ type: 'integer', nullable: true })
  deadlineHours: number | null = null;

  /** How many times the step moved up a level because nobody decided it in time. */
  @Property({ type: 'integer', default: 0 })
  escalations: number = 0;
}
