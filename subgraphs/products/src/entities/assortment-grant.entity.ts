import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Who may buy a restricted product: one dealer (scope DEALER, value = dealer id) or a segment (TIER:
 * PLATINUM, GOLD, ...; REGION: a region name; DEALER_TYPE: a dealer type). The (scope, value) index
 * serves "what is granted to this dealer"; the unique key makes granting idempotent.
 */
@Entity({ tableName: 'assortment_grant' })
@Unique({ properties: ['productId', 'scope', 'value'] })
@Index({ properties: ['scope', 'value'] })
export class AssortmentGrant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'text' })
  scope!: string;

  @Property({ type: 'text' })
  value!: string;
}
