import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins in a row for one key: sha256 of an email (every email, known or not, so that the
 * answers do not tell which accounts exist), or of an email and a client address.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  [OptionalProps]?: 'failures' | 'blockedUntil' | 'updatedAt';

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  failures: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
