import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The demo's VAPID key pair, generated on the first start without VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY
 * and kept here: browsers' push subscriptions are bound to the public key, so a key generated per
 * start would silence every device after a restart. One row (id 1); never used in production.
 */
@Entity({ tableName: 'push_vapid_key' })
export class PushVapidKey {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'smallint' })
  id!: number;

  @Property({ type: 'text' })
  publicKey!: string;

  @Property({ type: 'text' })
  privateKey!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
