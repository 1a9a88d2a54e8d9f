import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The report on one row of an import's file: its key (a SKU, a dealer code) and what became of it. */
@Entity({ tableName: 'import_row' })
export class ImportRow {
  @PrimaryKey({ type: 'uuid' })
  jobId!: string;

  /** The row number as a spreadsheet shows it (the header is row 1). */
  @PrimaryKey({ type: 'integer' })
  row!: number;

  @Property({ type: 'text', nullable: true })
  key!: string | null;

  /** CREATED, UPDATED, UNCHANGED, or the code of what is wrong with it. */
  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text', nullable: true })
  message!: string | null;
}
