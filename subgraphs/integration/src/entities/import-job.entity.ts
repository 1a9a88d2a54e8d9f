import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { ImportCounts, ImportJobStatus, ImportKind } from '../domain/import-kinds.js';

/**
 * One file to import. It waits QUEUED (with its content) until a worker takes it; RUNNING holds a
 * lease that the worker extends while it works, so a job whose worker died is taken again once the
 * lease has run out. The content is dropped when the job ends.
 */
@Entity({ tableName: 'import_job' })
@Index({ properties: ['status', 'kind', 'createdAt'] })
export class ImportJob {
  [OptionalProps]?: 'createdAt' | 'progress' | 'counts' | 'message' | 'startedAt' | 'finishedAt' | 'leaseUntil' | 'attempts';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: ImportKind;

  @Property({ type: 'text' })
  status!: ImportJobStatus;

  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Property({ type: 'boolean' })
  validRowsOnly!: boolean;

  @Property({ type: 'text' })
  filename!: string;

  /** The file's bytes until the job ends. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  content!: Buffer | null;

  /** Who started it (user or API client id) and how they are known. */
  @Property({ type: 'text' })
  startedBy!: string;

  /** 0-100. */
  @Property({ type: 'integer', default: 0 })
  progress: number = 0;

  @Property({ type: 'jsonb', default: '{"created":0,"updated":0,"unchanged":0,"failed":0}' })
  counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };

  /** Why the whole file failed, or what was done; null while it runs. */
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
