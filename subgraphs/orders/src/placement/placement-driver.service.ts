import { Refusal, takeInternalFault, type UserError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { Order, type WorkflowStep } from '../orders/order.entity.js';
import { SimulatedCrash, WorkflowLostError } from './order-errors.js';
import { leaseFrom, PLACEMENT_STEPS, type PlacementRun, reached, STEP_ORDER } from './order-workflow.service.js';

/**
 * The two drivers of the placeOrder workflow (its steps: PLACEMENT_STEPS in order-workflow.service.ts).
 *
 * - driveWorkflow runs the steps forward from the marker stored on the order, skipping those done;
 *   a refusal or failure hands the order to the compensation.
 * - compensate marks the order as being undone (nothing can finish it then), moves the marker up to
 *   the step that may have been in flight, and undoes the steps in reverse, moving the marker back
 *   after each undo: a crash anywhere leaves a marker that says which undo is next. The last undo
 *   (the claim's) deletes the order.
 *
 * The recovery sweep resumes either one from the stored state: forward when the order is not being
 * compensated, backward when it is (recoverWorkflow in place-order.service.ts).
 */

/** How a drive of the workflow ended. */
export type WorkflowOutcome =
  | { kind: 'PLACED'; order: Order; warning: string | null }
  | { kind: 'REFUSED'; errors: UserError[] }
  /** A step failed (timeout, unavailable service); compensated, or left to the sweep when even that failed. */
  | { kind: 'FAILED'; message: string };

/** Tests only: "kill" the process at a named point (`orders.afterPRICED`, `orders.undoneHELD`; see SimulatedCrash). */
function crashPoint(ctx: OrdersContext, point: string): void {
  if (ctx.runtime?.config.faultInjection && !ctx.runtime.config.production && takeInternalFault(`orders.${point}`, 'after')) {
    throw new SimulatedCrash(point);
  }
}

/** Drives the workflow of a claimed order from wherever it stopped to an end. */
export async function driveWorkflow(ctx: OrdersContext, orderId: string, claimed?: Order): Promise<WorkflowOutcome> {
  // The claim's own row needs no second read; any other driver (retry, sweep) reads where it stands.
  const order = claimed?.id === orderId ? claimed : await ctx.em.fork().findOne(Order, { id: orderId });
  if (!order || order.workflow !== 'RUNNING') return { kind: 'FAILED', message: 'The order is no longer being placed.' };
  const run: PlacementRun = { order, lines: null, routing: { outcome: 'AUTO_APPROVE', steps: [] }, warning: null, prepay: false };
  try {
    if (order.compensating) throw new WorkflowLostError(orderId);
    // The claim's forward action is placeOrder's: its crash point is here, before the first step of the drive.
    if (claimed) crashPoint(ctx, 'afterCLAIMED');
    for (const step of PLACEMENT_STEPS) {
      if (!step.forward || (step.marks && reached(run.order, step.marks)) || (step.runs && !step.runs(run))) continue;
      await step.forward(ctx, run);
      // Only a step that stored its marker can be crashed after (a hold that credit routed to approval did not).
      if (step.marks && run.order.workflowStep === step.marks) crashPoint(ctx, `after${step.marks}`);
    }
    return { kind: 'PLACED', order: run.order, warning: run.warning };
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const compensated = await compensate(ctx, orderId).catch((e: unknown) => {
      if (e instanceof SimulatedCrash) throw e;
      ctx.runtime?.logger.warn('compensation failed; the recovery sweep will retry it', { orderId, error: String(e) });
      return false;
    });
    if (error instanceof Refusal) return { kind: 'REFUSED', errors: error.errors };
    if (error instanceof WorkflowLostError) {
      // Another runner (the sweep, a retry) may have finished it meanwhile: then that is the answer.
      const finished = await ctx.em.fork().findOne(Order, { id: orderId, workflow: 'DONE' });
      if (finished) return { kind: 'PLACED', order: finished, warning: finished.warning };
    }
    if (!(error instanceof WorkflowLostError)) ctx.runtime?.logger.warn('order workflow step failed', { orderId, error: String(error) });
    return {
      kind: 'FAILED',
      message: compensated
        ? 'The order could not be placed: a service it needs failed or did not answer in time. Nothing was reserved or held: send it again with the same idempotencyKey.'
        : 'The order could not be placed: a service it needs failed or did not answer in time. What it reserved is being released: send it again with the same idempotencyKey in a moment.',
    };
  }
}

/** The step after `step`, which may have been in flight when the workflow stopped; the last one stays. */
const inFlightAfter = (step: WorkflowStep): WorkflowStep => STEP_ORDER[Math.min(STEP_ORDER.indexOf(step) + 1, STEP_ORDER.length - 1)];

/**
 * Undoes the workflow in reverse, from the step that may have been in flight down to the claim,
 * whose undo deletes the order. True when the order is gone; false when another runner took the
 * compensation over meanwhile (it finishes it).
 */
export async function compensate(ctx: OrdersContext, orderId: string): Promise<boolean> {
  const order = await ctx.em.fork().transactional(async (em) => {
    const locked = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!locked || locked.workflow !== 'RUNNING') return null;
    // First entry only: from here on, the marker counts down what is still to undo.
    if (!locked.compensating) locked.workflowStep = inFlightAfter(locked.workflowStep ?? 'CLAIMED');
    locked.compensating = true;
    locked.leaseUntil = leaseFrom(ctx);
    await em.flush();
    return locked;
  });
  if (!order) return true;
  let marker = order.workflowStep ?? 'CLAIMED';
  const undoing = PLACEMENT_STEPS.filter((s) => s.marks && STEP_ORDER.indexOf(s.marks) <= STEP_ORDER.indexOf(marker)).reverse();
  for (const step of undoing) {
    await step.undo?.(ctx, orderId);
    const index = STEP_ORDER.indexOf(step.marks!);
    if (index === 0) break; // the claim's undo deleted the order
    const back = STEP_ORDER[index - 1];
    const moved = await ctx.em
      .fork()
      .nativeUpdate(
        Order,
        { id: orderId, workflow: 'RUNNING', compensating: true, workflowStep: marker },
        { workflowStep: back, leaseUntil: leaseFrom(ctx) },
      );
    if (moved === 0) return false;
    marker = back;
    crashPoint(ctx, `undone${step.marks}`);
  }
  return true;
}
