/** A business refusal as the API reports it (a UserError). */
export interface OrderUserError {
  code: string;
  message: string;
  field?: string[] | null;
}

/** A step said no: the workflow compensates and the caller gets these userErrors. */
export class WorkflowRefusal extends Error {
  constructor(readonly errors: OrderUserError[]) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('; '));
    this.name = 'WorkflowRefusal';
  }
}

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

/** One userError. */
export const userError = (code: string, message: string, field?: string[]): OrderUserError => ({ code, message, field: field ?? null });
