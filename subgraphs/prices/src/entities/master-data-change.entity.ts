import { MasterDataChangeRecord } from '@dealergraph/runtime';
import { Entity, Property } from '@mikro-orm/core';

/**
 * The audit of prices' master data changes (TIER_RULES, VOLUME_BREAKS, PROMOTIONS and SPECIAL_PRICES imports,
 * upsertPromotion, upsertSpecialPriceAgreement). Subjects: TIER_RULE, VOLUME_BREAK, PROMOTION and
 * SPECIAL_PRICE; the external key is the record's key, as subjectId.
 */
@Entity({ tableName: 'master_data_change' })
export class MasterDataChange extends MasterDataChangeRecord {
  /** The record's own key (these records have no uuid): the tier, the volume break's min quantity, CODE@SKU of a promotion, an agreement's reference. */
  @Property({ type: 'text' })
  override subjectId!: string;

  /** A column the table has had from the start (no forwarder reads prices' changes yet); null throughout. */
  @Property({ type: 'timestamptz', nullable: true })
  erpForwardedAt: Date | null = null;
}
