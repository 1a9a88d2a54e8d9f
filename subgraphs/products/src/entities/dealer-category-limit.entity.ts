import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * A dealer whose assortment is limited to some categories has one row per allowed category (that
 * category and everything below it). A dealer without rows may buy from the whole tree.
 */
@Entity({ tableName: 'dealer_category_limit' })
export class DealerCategoryLimit {
  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  @PrimaryKey({ type: 'uuid' })
  categoryId!: string;
}
