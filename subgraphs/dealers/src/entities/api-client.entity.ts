import type { ApiScope } from '@dealergraph/runtime';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Dealer } from './dealer.entity.js';

/**
 * An integration partner's API client (OAuth2 client credentials). The secret is shown once at
 * creation; only its sha256 is kept (it is 32 random bytes, so a fast hash cannot be guessed back).
 */
@Entity({ tableName: 'api_client' })
export class ApiClient {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'lastTokenAt';

  /** The client id partners send as `client_id`. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  /** sha256 (hex) of the client secret. */
  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  /** The dealer the client acts for; null for clients without dealer-bound scopes (e.g. ERP import). */
  @ManyToOne(() => Dealer, { nullable: true, ref: true, index: true })
  dealer!: Ref<Dealer> | null;

  @Property({ type: 'text[]' })
  scopes!: ApiScope[];

  /** The client's own cost budget at the gateway: points per second, and the burst. */
  @Property({ type: 'integer' })
  costPerSecond!: number;

  @Property({ type: 'integer' })
  costBurst!: number;

  /** The client's own request rate at the gateway. */
  @Property({ type: 'integer' })
  requestsPerMinute!: number;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastTokenAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
