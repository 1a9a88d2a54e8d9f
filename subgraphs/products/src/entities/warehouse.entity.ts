import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A building stock is kept in and shipped from. */
@Entity({ tableName: 'warehouse' })
export class Warehouse {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Short code used by the ERP, e.g. "WH-NORTH". */
  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  city!: string;
}
