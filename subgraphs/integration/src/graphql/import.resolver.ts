import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { IntegrationContext } from '../context.js';
import type { ImportJob } from '../entities/import-job.entity.js';
import { findImportJob, importRows, startImport } from '../services/import-job.service.js';
import { ImportJobType, ImportRowConnection, StartImportInput, StartImportPayload } from './import.type.js';

const toJobType = (job: ImportJob): ImportJobType => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  progress: job.progress,
  dryRun: job.dryRun,
  validRowsOnly: job.validRowsOnly,
  filename: job.filename,
  message: job.message,
  counts: job.counts,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
});

@Resolver(() => ImportJobType)
export class ImportResolver {
  @Authorized()
  @Mutation(() => StartImportPayload, {
    description: 'ADMIN or an ERP_IMPORT client: queues a file to import; follow it with importJob. Rows are checked by the job, not here.',
  })
  async startImport(
    @Arg('input', () => StartImportInput, { description: 'The file and how to import it.' }) input: StartImportInput,
    @Ctx() ctx: IntegrationContext,
  ): Promise<StartImportPayload> {
    const result = await startImport(ctx, input);
    return result.ok ? { job: toJobType(result.value), userErrors: [] } : { job: null, userErrors: result.errors };
  }

  @Authorized()
  @Query(() => ImportJobType, { nullable: true, description: 'ADMIN or an ERP_IMPORT client: an import by id; null when unknown.' })
  async importJob(@Arg('id', () => ID, { description: 'The job id.' }) id: string, @Ctx() ctx: IntegrationContext) {
    const job = await findImportJob(ctx, id);
    return job ? toJobType(job) : null;
  }

  @FieldResolver(() => ImportRowConnection, { description: 'The report on each row, by row number.' })
  async rows(@Root() job: ImportJobType, @Args() args: PageArgs, @Ctx() ctx: IntegrationContext) {
    const window = pageWindow(args);
    const [rows, total] = await importRows(ctx, job.id, window);
    return toPage(rows, total, window);
  }
}
