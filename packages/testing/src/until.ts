/**
 * Waits for a state to be reached, not for time to pass: calls `probe` until it returns a truthy
 * value, which it returns, and fails naming `what` after `timeoutMs`. For states that raise no event
 * to wait on (a row the sweep writes, a job's status, what a webhook receiver has heard).
 */
export async function until<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
