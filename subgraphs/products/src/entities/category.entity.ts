import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

/** A node of the catalog tree; roots have no parent. The tree may be any depth. */
@Entity({ tableName: 'category' })
export class Category {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  /** URL-safe name, unique across the whole tree. */
  @Property({ type: 'text', unique: true })
  slug!: string;

  /** Indexed: children lookups and the subtree walk of the category filter go through it. */
  @ManyToOne(() => Category, { ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  parent!: Ref<Category> | null;
}
