import { API_SCOPE_DESCRIPTIONS, ConnectionType, UserError } from '@dealergraph/runtime';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DealerType } from './dealer.type.js';

export enum ApiScopeEnum {
  CATALOG_READ = 'CATALOG_READ',
  PRICES_READ = 'PRICES_READ',
  ORDERS_WRITE = 'ORDERS_WRITE',
  ERP_IMPORT = 'ERP_IMPORT',
}
registerEnumType(ApiScopeEnum, {
  name: 'ApiScope',
  description: 'What an API client may do; docs/SECURITY.md lists the operations of each.',
  valuesConfig: Object.fromEntries(Object.entries(API_SCOPE_DESCRIPTIONS).map(([k, description]) => [k, { description }])),
});

@ObjectType('ApiClient', { description: "An integration partner's API client (OAuth2 client credentials at POST /oauth/token)." })
export class ApiClientType {
  @Field(() => ID, { description: 'The client id (client_id).' })
  id!: string;

  @Field({ description: 'Who the client is for.' })
  name!: string;

  @Field(() => DealerType, { nullable: true, description: 'The dealer the client acts for; null for clients without dealer scopes.' })
  dealer!: DealerType | null;

  @Field(() => [ApiScopeEnum], { description: 'The granted scopes.' })
  scopes!: ApiScopeEnum[];

  @Field(() => Int, { description: "The client's own cost budget: points per second." })
  costPerSecond!: number;

  @Field(() => Int, { description: "The client's own cost budget: the burst." })
  costBurst!: number;

  @Field(() => Int, { description: "The client's own request rate per minute." })
  requestsPerMinute!: number;

  @Field(() => Date, { description: 'When the client was issued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; its tokens stop working within seconds.' })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last obtained a token.' })
  lastTokenAt!: Date | null;
}

@ObjectType({ description: 'A page of API clients.' })
export class ApiClientConnection extends ConnectionType(ApiClientType, 'API clients') {}

@InputType({ description: 'A new API client.' })
export class CreateApiClientInput {
  @Field({ description: 'Who the client is for, e.g. "Acme ERP connector".' })
  name!: string;

  @Field(() => [ApiScopeEnum], { description: 'The scopes to grant.' })
  scopes!: ApiScopeEnum[];

  @Field(() => ID, { nullable: true, description: 'The dealer; required for PRICES_READ and ORDERS_WRITE.' })
  dealerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Cost points per second (default 1,000).' })
  costPerSecond?: number | null;

  @Field(() => Int, { nullable: true, description: 'Cost burst (default 5,000).' })
  costBurst?: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests per minute (default 120).' })
  requestsPerMinute?: number | null;
}

@ObjectType({ description: 'The result of issuing an API client.' })
export class CreateApiClientPayload {
  @Field(() => ApiClientType, { nullable: true, description: 'The client; null when refused.' })
  client!: ApiClientType | null;

  @Field(() => String, { nullable: true, description: 'The client secret, shown this once (only its hash is kept).' })
  clientSecret!: string | null;

  @Field(() => [UserError], { description: 'INVALID_NAME, INVALID_SCOPES, DEALER_REQUIRED, NOT_FOUND, INVALID_BUDGET.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of rotating an API client secret.' })
export class RotateApiClientSecretPayload {
  @Field(() => ApiClientType, { nullable: true, description: 'The client; null when refused.' })
  client!: ApiClientType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new client secret, shown this once; the old one gets no new tokens from now on.',
  })
  clientSecret!: string | null;

  @Field(() => [UserError], { description: 'NOT_FOUND, REVOKED (a revoked client cannot be revived).' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of revoking an API client.' })
export class RevokeApiClientPayload {
  @Field(() => ApiClientType, { nullable: true, description: 'The revoked client.' })
  client!: ApiClientType | null;

  @Field(() => [UserError], { description: 'NOT_FOUND.' })
  userErrors!: UserError[];
}

@Directive('@inaccessible')
@ObjectType({ description: 'Internal to the gateway: the answer of the client-credentials grant.' })
export class ApiClientTokenResult {
  @Field(() => String, { nullable: true, description: 'The access token.' })
  accessToken!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seconds until it expires.' })
  expiresIn!: number | null;

  @Field(() => [String], { description: 'The scopes it carries.' })
  scopes!: string[];

  @Field(() => String, { nullable: true, description: 'The OAuth2 error: invalid_client or invalid_scope.' })
  error!: string | null;
}
