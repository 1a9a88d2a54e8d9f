import { readFileSync } from 'node:fs';

/** What the global setup writes into the status file once the template is complete. */
export const TEMPLATE_READY = 'ready';

const POLL_MS = 50;
/** Status files already seen `ready` in this process (files of a worker share it: isolate false). */
const ready = new Set<string>();

/**
 * Waits until the global setup has finished seeding the template (embedded server: it seeds in the
 * background while the first files run). No status file: the template was complete before any file
 * started. Throws the setup's own words if seeding failed.
 */
export async function templateReady(statusFile: string | undefined): Promise<void> {
  if (!statusFile || ready.has(statusFile)) return;
  for (;;) {
    let status: string | undefined;
    try {
      status = readFileSync(statusFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (status === TEMPLATE_READY) {
      ready.add(statusFile);
      return;
    }
    if (status) throw new Error(status);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
