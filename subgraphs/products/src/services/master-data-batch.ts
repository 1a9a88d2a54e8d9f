import { randomUUID } from 'node:crypto';

import type { InternalActor, MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { ProductsContext } from '../context.js';
import { SCHEMA } from '../schema-name.js';

const S = `"${SCHEMA}"`;

/** How a batch of master data rows is applied (see MasterDataBatch in the runtime's contracts). */
export interface BatchOptions {
  actor: InternalActor;
  dryRun: boolean;
  allOrNothing: boolean;
}

/** One audited change: the record, its ERP key, and its fields before (null: created) and after. */
export interface AuditedChange {
  subject: 'PRODUCT' | 'STOCK_LEVEL' | 'IN_TRANSIT' | 'CATEGORY' | 'WAREHOUSE';
  subjectId: string;
  externalKey: string;
  before: unknown;
  after: unknown;
}

/** What planning a batch decided: each row's outcome, and the writes to make when it is applied. */
export interface BatchPlan {
  results: MasterDataRowResult[];
  write(tx: EntityManager): Promise<void>;
}

/** A failed row's result from its problems (the first one's code; every message). */
export function failedRow(problems: readonly { code: string; message: string; field?: string | null }[]): MasterDataRowResult {
  return {
    status: 'FAILED',
    code: problems[0]!.code,
    message: problems.map((p) => p.message).join(' '),
    field: problems[0]!.field ?? null,
  };
}

/**
 * Plans and (unless a dry run, or a row failed under all-or-nothing) writes one batch in one
 * transaction, under a transaction-scoped advisory lock per kind of record: concurrent batches and
 * single upserts of one kind run one after the other, so each plans against what the previous wrote.
 */
export async function applyBatch(
  ctx: ProductsContext,
  lock: string,
  options: BatchOptions,
  plan: (tx: EntityManager) => Promise<BatchPlan>,
): Promise<MasterDataBatchResult> {
  return ctx.em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`products.master-data.${lock}`]);
    const planned = await plan(tx as EntityManager);
    const failed = planned.results.some((r) => r.status === 'FAILED');
    const apply = !options.dryRun && !(failed && options.allOrNothing);
    if (apply) await planned.write(tx as EntityManager);
    return { applied: apply, rows: planned.results };
  });
}

/** Writes the audit rows of a batch (who, when, before, after) in the caller's transaction. */
export async function audit(tx: EntityManager, actor: InternalActor, changes: readonly AuditedChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 2_000) {
    const chunk = changes.slice(i, i + 2_000).map((c) => ({
      id: randomUUID(),
      subject: c.subject,
      subject_id: c.subjectId,
      external_key: c.externalKey,
      before: c.before ?? null,
      after: c.after,
    }));
    await tx.execute(
      `insert into ${S}."master_data_change" (id, subject, subject_id, external_key, actor_id, actor_name, before, after, at)
       select r.id, r.subject, r.subject_id, r.external_key, ?, ?, r.before, r.after, now()
         from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, subject_id uuid, external_key text, before jsonb, after jsonb)`,
      [actor.id, actor.name, JSON.stringify(chunk)],
      'run',
    );
  }
}
