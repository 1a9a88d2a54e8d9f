import { createHash } from 'node:crypto';

import { type Logger, type ServiceMetrics, watchQueues } from '@dealergraph/runtime';
import { type Clock, fromKnex, type Job, type JobInsert, PgBoss, systemClock } from 'pg-boss';

import type { OrdersContext } from '../context.js';
import { actOnStep, type StepAction } from './approval-escalation.service.js';
import type { ApprovalArea } from './domain/approval-areas.js';
import { type ApprovalDeadlineSettings, deadlineTimers, stepDeadline } from './domain/approval-deadline.js';
import { OrderApprovalStep } from './order-approval-step.entity.js';

type EntityManager = OrdersContext['em'];

/** The PostgreSQL schema pg-boss keeps its tables in (the orders migrations install it). */
export const JOBS_SCHEMA = 'pgboss';
/** The queue of approval reminders and escalations. */
export const APPROVAL_DEADLINE_QUEUE = 'approval-deadline';

/** What a deadline job carries: the step it is about, at which level, and when it was meant to run. */
export interface DeadlineJobData {
  orderId: string;
  stepId: string;
  level: number;
  kind: 'REMIND' | 'ESCALATE';
  runAt: string;
}

/** How the pg-boss worker runs. */
export interface ApprovalQueueSettings {
  /** How often an idle worker looks for due jobs. */
  pollingIntervalSeconds: number;
}

/** A job id that is the same for the same timer, so a second send of it is a no-op (pg-boss inserts ON CONFLICT DO NOTHING). */
function jobId(key: string): string {
  const hex = createHash('sha256').update(`approval-deadline:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The approval timers of one orders service. Each step that starts waiting gets its deadline (a
 * column of the step) and, when pg-boss runs, two jobs sent in the same transaction: a reminder
 * before the deadline and an escalation at it. Without pg-boss (not started, or ORDER_APPROVAL_TIMERS=sweep)
 * the deadline column alone drives the periodic sweep, so nothing is lost either way.
 */
export class ApprovalTimers {
  #boss: PgBoss | null = null;

  constructor(
    readonly settings: ApprovalDeadlineSettings,
    /** The clock deadlines are counted on (a pg-boss TestClock in tests). */
    readonly clock: Clock = systemClock,
  ) {}

  /** True while pg-boss runs the timers (false: the sweep does). */
  get queued(): boolean {
    return this.#boss !== null;
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  /**
   * Gives the order's waiting step (its first pending one) its deadline, counted from `since`, and
   * schedules its timers, in the caller's transaction. A step that already has a deadline keeps it.
   */
  async scheduleWaiting(em: EntityManager, orderId: string, since: Date): Promise<void> {
    await em.flush();
    const step = await em.findOne(OrderApprovalStep, { order: orderId, status: 'PENDING' }, { orderBy: { position: 'asc' } });
    if (!step || step.dueAt) return;
    step.dueAt = stepDeadline({ level: step.level, hours: step.deadlineHours, since, settings: this.settings });
    await em.flush();
    await this.schedule(em, step, orderId);
  }

  /** The jobs of a step's timers at its current level and deadline. */
  private jobsFor(step: { id: string; orderId: string; area: ApprovalArea; level: number; dueAt: Date }): JobInsert<DeadlineJobData>[] {
    return deadlineTimers({
      stepId: step.id,
      area: step.area,
      level: step.level,
      dueAt: step.dueAt,
      now: this.now(),
      settings: this.settings,
    }).map((timer) => ({
      id: jobId(timer.key),
      singletonKey: timer.key,
      startAfter: timer.runAt,
      data: { orderId: step.orderId, stepId: step.id, level: step.level, kind: timer.kind, runAt: timer.runAt.toISOString() },
    }));
  }

  /** Sends the timers of a step's current deadline as pg-boss jobs, in `em`'s transaction if it has one; a no-op without pg-boss. */
  async schedule(em: EntityManager, step: OrderApprovalStep, orderId: string): Promise<void> {
    const boss = this.#boss;
    if (!boss || !step.dueAt) return;
    const trx = em.getTransactionContext();
    await boss.insert(
      APPROVAL_DEADLINE_QUEUE,
      this.jobsFor({ id: step.id, orderId, area: step.area, level: step.level, dueAt: step.dueAt }),
      trx ? { db: fromKnex(trx) } : {},
    );
  }

  /**
   * Runs one deadline job: the step is re-checked under its order's lock (decided, escalated or
   * replaced meanwhile: nothing happens). The job fired because its time came on the queue's clock,
   * so the step is judged at that time at the earliest.
   */
  async run(em: EntityManager, data: DeadlineJobData): Promise<StepAction> {
    const now = new Date(Math.max(this.clock.now(), new Date(data.runAt).getTime()));
    return actOnStep(em, data.orderId, data.stepId, {
      now,
      settings: this.settings,
      level: data.level,
      onEscalated: (tx, step) => this.schedule(tx, step, data.orderId),
    });
  }

  /**
   * Starts pg-boss on the service's database (its own schema and a small pool of its own), gives the
   * steps already waiting their deadline and jobs (steps from before, or from a run without pg-boss;
   * the job ids make this idempotent) and works the queue. Returns how to stop it: the worker
   * finishes the job in hand and the pool closes.
   */
  async start(options: {
    databaseUrl: string;
    newContext: () => OrdersContext;
    logger: Logger;
    queue: ApprovalQueueSettings;
    /** Where the queue's depth is reported (absent in tools that start the timers alone). */
    metrics?: ServiceMetrics;
  }): Promise<() => Promise<void>> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: JOBS_SCHEMA,
      max: 3,
      clock: this.clock,
      schedule: false,
      application_name: 'dealergraph-orders-jobs',
    });
    boss.on('error', (error) => options.logger.warn('approval job queue error', { error: String(error) }));
    await boss.start();
    if (options.metrics) watchQueues(options.metrics, boss);
    try {
      await boss.createQueue(APPROVAL_DEADLINE_QUEUE, { policy: 'short', retryLimit: 10, retryDelay: 30, retryBackoff: true });
      // Set first: a step that starts waiting during the reconciliation sends its own jobs.
      this.#boss = boss;
      await this.reconcile(options.newContext().em.fork(), boss);
      await boss.work<DeadlineJobData>(
        APPROVAL_DEADLINE_QUEUE,
        { pollingIntervalSeconds: options.queue.pollingIntervalSeconds, batchSize: 10 },
        async (jobs: Job<DeadlineJobData>[]) => {
          for (const job of jobs) await this.run(options.newContext().em.fork(), job.data);
        },
      );
    } catch (error) {
      this.#boss = null;
      await boss.stop({ graceful: false, close: true });
      throw error;
    }
    return async () => {
      this.#boss = null;
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    };
  }

  /**
   * Steps already waiting get their jobs (steps from before pg-boss, or from a run without it; the
   * job ids make a second send a no-op); those without a deadline get one counted from now. Batched:
   * one statement for the deadlines, one insert per 500 jobs.
   */
  private async reconcile(em: EntityManager, boss: PgBoss): Promise<void> {
    const schema = em.config.get('schema');
    const now = this.now();
    const rows = await em
      .getConnection()
      .execute<{ id: string; order_id: string; area: ApprovalArea; level: number; deadline_hours: number | null; due_at: Date | null }[]>(
        `select s.id, s.order_id, s.area, s.level, s.deadline_hours, s.due_at
         from "${schema}"."order" o
         join lateral (select s.* from "${schema}"."order_approval_step" s
                        where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) s on true
        where o.status = 'PENDING_APPROVAL' and o.workflow = 'DONE'`,
      );
    const undated = rows
      .filter((r) => r.due_at === null)
      .map((r) => ({ id: r.id, due_at: stepDeadline({ level: r.level, hours: r.deadline_hours, since: now, settings: this.settings }) }));
    if (undated.length > 0) {
      // Only where it is still waiting without a deadline: a decision or a job in between wins.
      const set = await em.getConnection().execute<{ id: string; due_at: Date }[]>(
        `update "${schema}"."order_approval_step" s set due_at = d.due_at
           from jsonb_to_recordset(?::jsonb) as d(id uuid, due_at timestamptz)
          where s.id = d.id and s.status = 'PENDING' and s.due_at is null
         returning s.id, s.due_at`,
        [JSON.stringify(undated)],
      );
      const dated = new Map(set.map((r) => [r.id, new Date(r.due_at)]));
      for (const row of rows) if (dated.has(row.id)) row.due_at = dated.get(row.id)!;
    }
    const jobs = rows.flatMap((row) =>
      row.due_at === null
        ? []
        : this.jobsFor({ id: row.id, orderId: row.order_id, area: row.area, level: row.level, dueAt: new Date(row.due_at) }),
    );
    for (let i = 0; i < jobs.length; i += 500) await boss.insert(APPROVAL_DEADLINE_QUEUE, jobs.slice(i, i + 500));
  }
}
