/**
 * The workflow's own errors. Refusals and user errors are the runtime's (`Refusal`, `userError`).
 */

/** Someone else (the recovery sweep, a concurrent runner) owns or ended this workflow now. */
export class WorkflowLostError extends Error {
  constructor(orderId: string) {
    super(`The workflow of order ${orderId} is no longer ours.`);
    this.name = 'WorkflowLostError';
  }
}

/**
 * Tests only: the orders process "dies" between two steps. The workflow stops where it is, with
 * nothing compensated, exactly as a crash would leave it; the recovery sweep must end it.
 */
export class SimulatedCrash extends Error {
  constructor(step: string) {
    super(`simulated crash of the orders process after step ${step}`);
    this.name = 'SimulatedCrash';
  }
}
