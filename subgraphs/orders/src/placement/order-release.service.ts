import type { OrdersContext } from '../context.js';
import { PLACEMENT_STEPS } from './order-workflow.service.js';

/** The placement steps whose undo gives back what other services hold for the order, in reverse of placement. */
const releaseSteps = () => PLACEMENT_STEPS.filter((step) => step.releases).reverse();

/**
 * Gives back what an ended order holds: the undos of the placement steps that hold something
 * (credit hold, then special price units and stock), the same ones a failed placement's compensation
 * runs. Each is idempotent by order id and safe when nothing was taken (credit and products keep a
 * tombstone, so a late hold or reservation for the order takes nothing). Run by the RELEASE effect
 * of a cancellation or rejection (order-effects.service.ts), which the sweep finishes after a crash.
 * Holds no database connection while it waits on the other services.
 */
export async function releaseHoldings(ctx: OrdersContext, orderId: string): Promise<void> {
  for (const step of releaseSteps()) await step.undo!(ctx, orderId);
}
