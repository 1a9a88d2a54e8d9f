import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One device (a browser or installed PWA) that asked for web push for one signed-in user: the push
 * service's endpoint and the keys its messages are encrypted to (RFC 8291). The endpoint is unique: a
 * browser has one subscription per application server key, so a second user signing in on the same
 * device takes it over. Removed by `removePushSubscription`, and when the push service answers 404 or
 * 410 (the subscription expired or the user revoked the permission).
 */
@Entity({ tableName: 'push_subscription' })
@Unique({ name: 'push_subscription_endpoint_unique', properties: ['endpoint'] })
@Index({ name: 'push_subscription_user_id_index', properties: ['userId'] })
export class PushSubscription {
  [OptionalProps]?: 'userAgent' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The user it delivers to (a dealers user id). */
  @Property({ type: 'uuid' })
  userId!: string;

  /** The push service's URL for this device. */
  @Property({ type: 'text' })
  endpoint!: string;

  /** The device's P-256 public key (base64url, 65 bytes uncompressed). */
  @Property({ type: 'text' })
  p256dh!: string;

  /** The device's authentication secret (base64url, 16 bytes). */
  @Property({ type: 'text' })
  auth!: string;

  /** What the device called itself when it subscribed, so a user can tell their devices apart. */
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
