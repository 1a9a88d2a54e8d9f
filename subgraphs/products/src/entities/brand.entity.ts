import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A manufacturer brand of the catalog. */
@Entity({ tableName: 'brand' })
export class Brand {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  name!: string;
}
