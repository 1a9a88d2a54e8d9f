import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A sign-in whose password is being checked now: it holds a slot of both its throttle keys until it
 * is settled (a failure is then counted, a success forgives), or until its lease ends if the process
 * died meanwhile. The slots bound a burst without counting an attempt as a failure before it fails.
 */
@Entity({ tableName: 'sign_in_attempt' })
export class SignInAttempt {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The account's throttle key (sign_in_throttle.key). */
  @Index()
  @Property({ type: 'text' })
  accountKey!: string;

  /** The account-and-address throttle key. */
  @Index()
  @Property({ type: 'text' })
  pairKey!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
