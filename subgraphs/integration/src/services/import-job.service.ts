import { randomUUID } from 'node:crypto';

import { normalizeId, ok, type PageWindow, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
import { decodeTableFile } from '@dealergraph/runtime/files';

import type { IntegrationContext } from '../context.js';
import { type ImportKind, MAX_IMPORT_BYTES } from '../domain/import-kinds.js';
import { ImportJob } from '../entities/import-job.entity.js';
import { ImportRow } from '../entities/import-row.entity.js';

/**
 * Queues a file for import. The checks that need no parsing happen here (size, name,
 * base64) and answer as userErrors; the rows are checked by the worker and reported on the job.
 * Who may call it is the authorization matrix's (ADMIN, or an API client with ERP_IMPORT).
 */
export async function startImport(
  ctx: IntegrationContext,
  input: { kind: ImportKind; filename: string; contentBase64: string; dryRun: boolean; validRowsOnly: boolean },
): Promise<Result<ImportJob>> {
  const claims = requireClaims(ctx.claims);
  const refuse = (code: string, message: string, field: string) => refused(userError(code, message, ['input', field]));
  const decoded = decodeTableFile({ ...input, maxBytes: MAX_IMPORT_BYTES, kinds: ['CSV', 'XLSX', 'XML'] });
  if (!decoded.ok) return refuse(decoded.code, decoded.message, decoded.code === 'UNSUPPORTED_FILE' ? 'filename' : 'contentBase64');
  const job = ctx.em.create(ImportJob, {
    id: randomUUID(),
    kind: input.kind,
    status: 'QUEUED',
    dryRun: input.dryRun,
    validRowsOnly: input.validRowsOnly,
    filename: input.filename.trim().slice(0, 200),
    content: decoded.content,
    startedBy: claims.sub,
  });
  await ctx.em.persistAndFlush(job);
  ctx.wakeImports();
  return ok(job);
}

/** A job by id (null for an unknown or malformed one). */
export function findImportJob(ctx: IntegrationContext, id: string): Promise<ImportJob | null> {
  const jobId = normalizeId(id);
  return jobId ? ctx.em.findOne(ImportJob, { id: jobId }) : Promise.resolve(null);
}

/** A page of a job's row reports, by row number. */
export function importRows(ctx: IntegrationContext, jobId: string, window: PageWindow): Promise<[ImportRow[], number]> {
  return ctx.em.findAndCount(ImportRow, { jobId }, { orderBy: { row: 'asc' }, limit: window.limit, offset: window.offset });
}
