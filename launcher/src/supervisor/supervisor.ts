import type { ChildProcess } from 'node:child_process';

import { spawnService, waitHealthy } from './child.js';
import type { ServiceSpec } from './services.js';

export interface SupervisorOptions {
  services: readonly ServiceSpec[];
  /** The environment of each service (ports, secrets, URLs). */
  envFor: (service: ServiceSpec) => NodeJS.ProcessEnv;
  healthUrl: (service: ServiceSpec) => string;
  cwd: string;
  nodeArgs?: string[];
  /** Where prefixed service output and supervisor messages go. */
  write: (line: string) => void;
  say: (line: string) => void;
}

interface Slot {
  spec: ServiceSpec;
  child?: ChildProcess;
  exited?: Promise<void>;
  restarts: number;
  startedAt: number;
  restartTimer?: NodeJS.Timeout;
}

/** A crash soon after a start waits longer each time; a service that ran this long starts from 0.5 s again. */
const STABLE_AFTER_MS = 30_000;
const backoff = (restarts: number) => Math.min(500 * 2 ** restarts, 15_000);

/**
 * Runs one process per service: starts them all, waits until each answers its health check, restarts
 * a crashed one with backoff, and stops them all (SIGTERM, then SIGKILL after a grace period).
 */
export class Supervisor {
  private readonly slots: Slot[];
  private stopping = false;
  private startingUp = true;
  private failure?: (error: Error) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.slots = options.services.map((spec) => ({ spec, restarts: 0, startedAt: 0 }));
  }

  /** The process id of each running service (tests kill one). */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.slots.map((s) => [s.spec.label ?? s.spec.name, s.child?.pid]));
  }

  /** Starts every service; resolves once all are healthy, rejects if one exits before it is. */
  async start(): Promise<void> {
    const failed = new Promise<never>((_, reject) => (this.failure = reject));
    for (const slot of this.slots) this.launch(slot);
    await Promise.race([
      failed,
      Promise.all(this.slots.map((slot) => waitHealthy(this.options.healthUrl(slot.spec), () => !this.stopping))),
    ]);
    this.startingUp = false;
  }

  private launch(slot: Slot) {
    const { spec } = slot;
    slot.startedAt = Date.now();
    const child = spawnService({
      name: spec.label ?? spec.name,
      entry: spec.entry,
      env: this.options.envFor(spec),
      cwd: this.options.cwd,
      write: this.options.write,
      nodeArgs: this.options.nodeArgs,
    });
    slot.child = child;
    this.options.say(`${spec.label ?? spec.name} started (pid ${child.pid})`);
    slot.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        resolve();
        if (slot.child === child) slot.child = undefined;
        this.onExit(slot, code, signal);
      });
    });
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null) {
    if (this.stopping) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (this.startingUp) {
      this.failure?.(new Error(`${slot.spec.label ?? slot.spec.name} exited (${how}) before it was ready; its output is above.`));
      return;
    }
    if (Date.now() - slot.startedAt > STABLE_AFTER_MS) slot.restarts = 0;
    const delay = backoff(slot.restarts++);
    this.options.say(`${slot.spec.label ?? slot.spec.name} exited (${how}); restarting in ${(delay / 1000).toFixed(1)} s`);
    slot.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch(slot);
      void waitHealthy(this.options.healthUrl(slot.spec), () => !this.stopping && slot.child !== undefined).then((up) => {
        if (up) this.options.say(`${slot.spec.label ?? slot.spec.name} ready again`);
      });
    }, delay);
  }

  /** Stops the gateway first, then the subgraphs, each with SIGTERM; SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) clearTimeout(slot.restartTimer);
    const stopOne = async (slot: Slot) => {
      const child = slot.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await slot.exited;
      clearTimeout(timer);
    };
    const [gateways, subgraphs] = [
      this.slots.filter((s) => s.spec.name === 'gateway'),
      this.slots.filter((s) => s.spec.name !== 'gateway'),
    ];
    await Promise.all(gateways.map(stopOne));
    await Promise.all(subgraphs.map(stopOne));
  }
}
