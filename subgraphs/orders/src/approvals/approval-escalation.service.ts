import { startPeriodic } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { recordOrderEvent } from '../events/outbox.service.js';
import { Order } from '../orders/order.entity.js';
import { appendStatusNote } from '../orders/order-status.service.js';
import { type ApprovalDeadlineSettings, deadlineAction, stepDeadline } from './domain/approval-deadline.js';
import { OrderApprovalStep } from './order-approval-step.entity.js';

type EntityManager = OrdersContext['em'];

/** One run of the escalation sweep, at a given moment (injected, so tests control the clock). */
export interface DeadlineSweep {
  now: Date;
  settings: ApprovalDeadlineSettings;
  /**
   * A step's clock starts when it began waiting, but not before this: steps that were waiting before
   * deadlines existed (or while no sweep ran) get a full deadline instead of escalating at once.
   */
  notBefore: Date;
  limit?: number;
}

/** What a sweep did. */
export interface DeadlineSweepResult {
  scheduled: number;
  reminded: number;
  escalated: number;
}

const waitingSteps = (schema: string | undefined) => `
  from "${schema}"."order" o
  join lateral (select s.* from "${schema}"."order_approval_step" s
                 where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) s on true
 where o.status = 'PENDING_APPROVAL' and o.workflow = 'DONE'`;

/** Gives every waiting step without a deadline its deadline, counted from when it began waiting. */
async function scheduleDeadlines(em: EntityManager, sweep: DeadlineSweep): Promise<number> {
  const schema = em.config.get('schema');
  const rows = await em.getConnection().execute<{ id: string; level: number; deadline_hours: number | null; since: Date }[]>(
    `select s.id, s.level, s.deadline_hours, coalesce((select max(p.decided_at) from "${schema}"."order_approval_step" p
                                      where p.order_id = o.id and p.position < s.position), o.placed_at) as since
     ${waitingSteps(schema)} and s.due_at is null`,
  );
  if (rows.length === 0) return 0;
  const dueAt = rows.map((r) =>
    stepDeadline({
      level: r.level,
      hours: r.deadline_hours,
      since: new Date(Math.max(new Date(r.since).getTime(), sweep.notBefore.getTime())),
      settings: sweep.settings,
    }),
  );
  await em.getConnection().execute(
    `update "${schema}"."order_approval_step" s set due_at = d.due_at
       from jsonb_to_recordset(?::jsonb) as d(id uuid, due_at timestamptz)
      where s.id = d.id and s.status = 'PENDING' and s.due_at is null`,
    [JSON.stringify(rows.map((r, i) => ({ id: r.id, due_at: dueAt[i].toISOString() })))],
  );
  return rows.length;
}

/** What acting on a step did: reminded, escalated, or nothing (it changed meanwhile, or is not due). */
export type StepAction = 'REMIND' | 'ESCALATE' | null;

/** One look at one waiting step. */
export interface StepCheck {
  now: Date;
  settings: ApprovalDeadlineSettings;
  /** The level the step must still be at (a job for a level the step has left does nothing). */
  level?: number;
  /** Runs in the escalation's transaction, e.g. to schedule the new level's timers. */
  onEscalated?: (tx: EntityManager, step: OrderApprovalStep) => Promise<void>;
}

/**
 * Reminds about or escalates one waiting step, under the order's lock, after re-checking that it is
 * still the waiting step (not decided, not replaced) and due; null when there was nothing to do.
 */
export async function actOnStep(em: EntityManager, orderId: string, stepId: string, check: StepCheck): Promise<StepAction> {
  return em.fork().transactional(async (tx) => {
    const order = await tx.findOne(
      Order,
      { id: orderId, status: 'PENDING_APPROVAL', workflow: 'DONE' },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!order) return null;
    const [step] = await tx.find(OrderApprovalStep, { order: orderId, status: 'PENDING' }, { orderBy: { position: 'asc' }, limit: 1 });
    if (!step || step.id !== stepId || !step.dueAt) return null;
    if (check.level !== undefined && step.level !== check.level) return null;
    const action = deadlineAction({
      area: step.area,
      level: step.level,
      dueAt: step.dueAt,
      remindedAt: step.remindedAt,
      now: check.now,
      settings: check.settings,
    });
    if (action.kind === 'NONE') return null;
    const base = { orderId: order.id, dealerId: order.dealerId, scope: order, status: order.status, actor: null, at: check.now };
    if (action.kind === 'REMIND') {
      step.remindedAt = check.now;
      recordOrderEvent(tx, {
        ...base,
        type: 'REMINDER',
        reason: `Waiting for a ${step.role} (level ${step.level}); decide by ${step.dueAt.toISOString()}.`,
        data: { level: step.level, area: step.area, step: step.position, dueAt: step.dueAt.toISOString() },
      });
      await tx.flush();
      return 'REMIND';
    }
    const from = { level: step.level, role: step.role };
    const reason = `No decision by a ${from.role} (level ${from.level}) before ${step.dueAt.toISOString()}: escalated to a ${action.toRole} (level ${action.toLevel}).`;
    Object.assign(step, {
      level: action.toLevel,
      role: action.toRole,
      dueAt: action.dueAt,
      remindedAt: null,
      escalations: step.escalations + 1,
    });
    await appendStatusNote(tx, order, { byUserId: null, comment: reason, at: check.now });
    // `level` is the level the step left: its approvers' queues lose the order, every level above it
    // in the step's area (the new one included) gains it, so all of them hear of it through approvalQueueChanged.
    recordOrderEvent(tx, {
      ...base,
      type: 'ESCALATED',
      reason,
      data: { level: from.level, area: step.area, toLevel: action.toLevel, step: step.position, dueAt: action.dueAt.toISOString() },
    });
    await tx.flush();
    await check.onEscalated?.(tx, step);
    return 'ESCALATE';
  });
}

/**
 * The escalation sweep: waiting approval steps get their deadline, steps inside the reminder window
 * are reminded about once, steps past it move up a level (history entry, ESCALATED event). Driven by
 * the steps' deadline columns, so nothing is lost by a restart; each step is acted on under its
 * order's lock with the decision re-checked, so concurrent sweeps (several instances) and a decision
 * racing the sweep do not double an escalation.
 */
export async function sweepApprovalDeadlines(em: EntityManager, sweep: DeadlineSweep): Promise<DeadlineSweepResult> {
  const scheduled = await scheduleDeadlines(em.fork(), sweep);
  const schema = em.config.get('schema');
  const remindBy = new Date(sweep.now.getTime() + sweep.settings.reminderBeforeMs);
  const due = await em
    .fork()
    .getConnection()
    .execute<{ order_id: string; id: string }[]>(
      `select s.order_id, s.id ${waitingSteps(schema)}
        and (s.due_at <= ? or (s.reminded_at is null and s.due_at <= ?))
      order by s.due_at limit ?`,
      [sweep.now, remindBy, sweep.limit ?? 100],
    );
  const result: DeadlineSweepResult = { scheduled, reminded: 0, escalated: 0 };
  for (const row of due) {
    const done = await actOnStep(em, row.order_id, row.id, { now: sweep.now, settings: sweep.settings });
    if (done === 'REMIND') result.reminded += 1;
    if (done === 'ESCALATE') result.escalated += 1;
  }
  return result;
}

/**
 * Starts the periodic escalation sweep, the fallback when pg-boss does not run the timers
 * (ORDER_APPROVAL_TIMERS=sweep): a database-driven sweep like the workflow recovery one, the
 * deadlines live on the steps, so a restart loses nothing. Steps already waiting when it starts get
 * their deadline counted from the start at the earliest.
 */
export function startEscalationSweep(
  newContext: () => OrdersContext,
  settings: ApprovalDeadlineSettings,
  intervalMs: number,
  now: () => Date = () => new Date(),
): () => Promise<void> {
  const notBefore = now();
  return startPeriodic(
    () => sweepApprovalDeadlines(newContext().em, { now: now(), settings, notBefore }),
    intervalMs,
    (error) => newContext().runtime?.logger.warn('escalation sweep failed', { error: String(error) }),
  );
}
