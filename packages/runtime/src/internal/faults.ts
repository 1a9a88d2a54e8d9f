/**
 * Failure injection for the order workflow's tests: make one internal operation fail before it runs
 * (the owner never did the work) or after it ran (the owner did the work but the caller never heard),
 * a given number of times. Only servers started with `faultInjection: true` consult it, and nothing
 * turns that on in production.
 */
export type FaultMode = 'before' | 'after';

const faults = new Map<string, { mode: FaultMode; remaining: number }>();

/** `operation` is "<service>.<operation>", e.g. "products.reserveStock". */
export function injectInternalFault(operation: string, mode: FaultMode, times = 1): void {
  faults.set(operation, { mode, remaining: times });
}

export function clearInternalFaults(): void {
  faults.clear();
}

/** Consumes one injected fault of this operation and mode, if any. */
export function takeInternalFault(operation: string, mode: FaultMode): boolean {
  const fault = faults.get(operation);
  if (!fault || fault.mode !== mode || fault.remaining <= 0) return false;
  fault.remaining -= 1;
  if (fault.remaining === 0) faults.delete(operation);
  return true;
}
