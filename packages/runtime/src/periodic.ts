/**
 * Runs `work` once now (unless `options.now` is false: first after one interval), then every
 * `intervalMs`, one run at a time per process (a slow run skips ticks instead of piling up behind
 * itself); a failed run is reported and the next tick retries. Returns how to stop it (waits for the
 * run in progress).
 */
export function startPeriodic(
  work: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
  options: { now?: boolean } = {},
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let busy = false;
  const tick = () => {
    if (stopped || busy) return;
    busy = true;
    running = work()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  };
  if (options.now !== false) tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
