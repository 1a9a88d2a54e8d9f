import { InternalCallError, type Logger, startPeriodic } from '@dealergraph/runtime';
import { readTableCells, tableFileKind } from '@dealergraph/runtime/files';
import type { MikroORM } from '@mikro-orm/postgresql';

import type { IntegrationContext } from '../context.js';
import { type ImportCounts, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../domain/import-kinds.js';
import { MASTER_DATA_FORMATS, requiredColumns } from '../domain/master-data-files.js';
import { PRICE_LIST_COLUMNS } from '../domain/price-list-rows.js';
import { IMPORT_SYNC } from '../domain/sync-schedule.js';
import { ImportJob } from '../entities/import-job.entity.js';
import { markSynced } from './integration-monitor.service.js';
import { type MasterDataKind, runMasterDataImport } from './master-data-import.runner.js';
import { type ImportOutcome, type RowReport, runPriceListImport } from './price-list-import.runner.js';

/** A worker holds a job this long without a sign of life before another may take it over. */
const LEASE_SECONDS = 60;
/** Tries of a job whose owners cannot be reached before it fails. */
const MAX_ATTEMPTS = 5;

/**
 * Takes the oldest waiting import whose kind has none running (imports of one kind are serialised),
 * or a running one whose worker stopped renewing its lease (crashed). Claims are made one at a time
 * under an advisory lock, so the "none running" check cannot race with another claim.
 */
async function claimNext(orm: MikroORM): Promise<string | null> {
  return orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(`select pg_advisory_xact_lock(hashtext('integration.import-claim'))`, [], 'all', tx);
    const rows = await connection.execute<{ id: string }[]>(
      `update integration.import_job j
          set status = 'RUNNING', started_at = coalesce(started_at, now()), attempts = attempts + 1,
              lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
        where j.id = (
          select c.id from integration.import_job c
           where (c.status = 'QUEUED' or (c.status = 'RUNNING' and c.lease_until < now()))
             and not exists (select 1 from integration.import_job r
                              where r.kind = c.kind and r.id <> c.id and r.status = 'RUNNING' and r.lease_until >= now())
           order by c.created_at limit 1)
        returning j.id`,
      [],
      'all',
      tx,
    );
    return rows[0]?.id ?? null;
  });
}

/** Ends a job: its row reports and its outcome in one transaction; the file is dropped. */
async function finish(
  orm: MikroORM,
  jobId: string,
  outcome: ImportOutcome | { ok: false; code: string; message: string; rows: RowReport[]; counts: ImportCounts },
) {
  await orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(`delete from integration.import_row where job_id = ?`, [jobId], 'all', tx);
    for (let i = 0; i < outcome.rows.length; i += 5_000) {
      const chunk = outcome.rows.slice(i, i + 5_000);
      await connection.execute(
        `insert into integration.import_row (job_id, row, key, status, message)
         select ?::uuid, r.row, r.key, r.status, r.message
           from jsonb_to_recordset(?::jsonb) as r(row int, key text, status text, message text)`,
        [jobId, JSON.stringify(chunk)],
        'all',
        tx,
      );
    }
    await em.nativeUpdate(
      ImportJob,
      { id: jobId },
      {
        status: outcome.ok ? 'SUCCEEDED' : 'FAILED',
        progress: 100,
        counts: outcome.counts,
        message: outcome.ok ? outcome.message : `${outcome.code}: ${outcome.message}`,
        content: null,
        leaseUntil: null,
        finishedAt: new Date(),
      },
    );
    // A written import is a sync of its kind for the monitor (a dry run checked, wrote nothing).
    const job = outcome.ok ? await em.findOne(ImportJob, { id: jobId }, { fields: ['kind', 'dryRun'] }) : null;
    if (job && !job.dryRun) await markSynced(em, { kind: IMPORT_SYNC[job.kind], source: `import ${job.kind}` });
  });
}

/** Runs one claimed job to its end, or hands it back to the queue when an owner service is unreachable. */
async function runJob(orm: MikroORM, ctx: Pick<IntegrationContext, 'services'>, jobId: string, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  const job = await em.findOneOrFail(ImportJob, { id: jobId }, { populate: ['content'] });
  const progress = async (percent: number) => {
    await orm.em
      .fork()
      .nativeUpdate(ImportJob, { id: jobId }, { progress: percent, leaseUntil: new Date(Date.now() + LEASE_SECONDS * 1000) });
  };
  const zero = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  try {
    const format = job.kind === 'PRICE_LIST' ? null : MASTER_DATA_FORMATS[job.kind];
    const columns = format ? requiredColumns(format) : PRICE_LIST_COLUMNS.required;
    const limits = { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS, columns };
    const cells = await readTableCells(tableFileKind(job.filename) ?? 'CSV', job.content ?? Buffer.alloc(0), limits);
    if (!cells.ok) return await finish(orm, jobId, { ok: false, code: cells.code, message: cells.message, rows: [], counts: zero });
    await progress(10);
    const outcome = format
      ? await runMasterDataImport(ctx, { ...job, kind: job.kind as MasterDataKind }, format, cells.cells, progress)
      : await runPriceListImport(ctx, job, cells.cells, progress);
    await finish(orm, jobId, outcome);
  } catch (error) {
    if (error instanceof InternalCallError && job.attempts < MAX_ATTEMPTS) {
      logger.warn(`import ${jobId}: ${error.message}; queued again (try ${job.attempts} of ${MAX_ATTEMPTS})`);
      await orm.em
        .fork()
        .nativeUpdate(ImportJob, { id: jobId }, { status: 'QUEUED', leaseUntil: null, message: `Waiting: ${error.message}` });
      return;
    }
    logger.error(`import ${jobId} failed`, { error: String(error) });
    const code = error instanceof InternalCallError ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR';
    await finish(orm, jobId, {
      ok: false,
      code,
      message: 'The import could not be completed; nothing was written. Start it again.',
      rows: [],
      counts: zero,
    });
  }
}

/**
 * The import worker of one integration process: drains the queue now, whenever a job is started
 * here (`wake`), and every `pollMs` (jobs started on another instance, jobs handed back, leases run out).
 */
export function startImportWorker(options: {
  orm: MikroORM;
  context: () => Pick<IntegrationContext, 'services'>;
  pollMs: number;
  logger: Logger;
}): { wake(): void; stop(): Promise<void> } {
  let wakeUp: (() => void) | null = null;
  const drain = async () => {
    for (let id = await claimNext(options.orm); id; id = await claimNext(options.orm)) {
      await runJob(options.orm, options.context(), id, options.logger);
    }
  };
  const stop = startPeriodic(drain, options.pollMs, (error) => options.logger.error('import worker', { error: String(error) }));
  let draining: Promise<void> = Promise.resolve();
  wakeUp = () => {
    draining = draining.then(drain).catch((error) => options.logger.error('import worker', { error: String(error) }));
  };
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      wakeUp = null;
      await stop();
      await draining;
    },
  };
}
