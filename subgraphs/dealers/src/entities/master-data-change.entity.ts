import { MasterDataChangeRecord } from '@dealergraph/runtime';
import { Entity, Property } from '@mikro-orm/core';

/**
 * The audit of dealers' master data changes (upsertDealer, upsertDealerAddress, upsertDealerContact; DEALERS,
 * DEALER_ADDRESSES and DEALER_CONTACTS imports). Subjects: DEALER (the `dealer.changed` outbox reads these
 * only), DEALER_ADDRESS and DEALER_CONTACT; the external key is the dealer code. It is also the outbox of
 * the `dealer.changed` webhook (services/dealer-forwarder.ts).
 */
@Entity({ tableName: 'master_data_change' })
export class MasterDataChange extends MasterDataChangeRecord {
  /** When the change went to integration as `dealer.changed`; null while it waits (the outbox). */
  @Property({ type: 'timestamptz', nullable: true })
  erpForwardedAt: Date | null = null;
}
