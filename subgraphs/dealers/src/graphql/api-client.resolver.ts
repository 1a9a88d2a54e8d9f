import { type ApiScope, normalizeId, PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { DealersContext } from '../context.js';
import type { ApiClient } from '../entities/api-client.entity.js';
import * as clients from '../services/api-client.service.js';
import { findDealer } from '../services/dealer.service.js';
import {
  ApiClientConnection,
  ApiClientTokenResult,
  ApiClientType,
  type ApiScopeEnum,
  CreateApiClientInput,
  CreateApiClientPayload,
  RevokeApiClientPayload,
  RotateApiClientSecretPayload,
} from './api-client.type.js';
import { DealerType } from './dealer.type.js';
import { toDealerType } from './mappers.js';

const toClientType = (c: ApiClient) => ({
  id: c.id,
  name: c.name,
  dealerId: c.dealer?.id ?? null,
  scopes: c.scopes as unknown as ApiScopeEnum[],
  costPerSecond: c.costPerSecond,
  costBurst: c.costBurst,
  requestsPerMinute: c.requestsPerMinute,
  createdAt: c.createdAt,
  revokedAt: c.revokedAt,
  lastTokenAt: c.lastTokenAt,
});

@Resolver(() => ApiClientType)
export class ApiClientResolver {
  @Authorized()
  @Query(() => ApiClientConnection, { description: 'ADMIN: the API clients of integration partners, newest first.' })
  async apiClients(@Args() args: PageArgs, @Ctx() ctx: DealersContext) {
    const window = pageWindow(args);
    const [rows, total] = await clients.listApiClients(ctx, window);
    return toPage(rows.map(toClientType), total, window);
  }

  @Authorized()
  @Mutation(() => CreateApiClientPayload, { description: 'ADMIN: issues an API client; the secret is shown this once.' })
  async createApiClient(
    @Arg('input', () => CreateApiClientInput, { description: 'The client.' }) input: CreateApiClientInput,
    @Ctx() ctx: DealersContext,
  ): Promise<CreateApiClientPayload> {
    const result = await clients.createApiClient(ctx, { ...input, scopes: input.scopes as unknown as ApiScope[] });
    if (!result.ok) return { client: null, clientSecret: null, userErrors: result.errors };
    return { client: toClientType(result.value.client) as never, clientSecret: result.value.secret, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => RevokeApiClientPayload, { description: 'ADMIN: revokes an API client; its tokens stop working within seconds.' })
  async revokeApiClient(
    @Arg('id', () => ID, { description: 'The client id.' }) id: string,
    @Ctx() ctx: DealersContext,
  ): Promise<RevokeApiClientPayload> {
    const result = await clients.revokeApiClient(ctx, id);
    return result.ok ? { client: toClientType(result.value) as never, userErrors: [] } : { client: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => RotateApiClientSecretPayload, {
    description:
      'ADMIN: gives a client a new secret, shown this once. The old secret gets no new token from now on; tokens issued with it end within their 5 minutes.',
  })
  async rotateApiClientSecret(
    @Arg('id', () => ID, { description: 'The client id.' }) id: string,
    @Ctx() ctx: DealersContext,
  ): Promise<RotateApiClientSecretPayload> {
    const result = await clients.rotateApiClientSecret(ctx, id);
    if (!result.ok) return { client: null, clientSecret: null, userErrors: result.errors };
    return { client: toClientType(result.value.client) as never, clientSecret: result.value.secret, userErrors: [] };
  }

  // Internal: hidden from the public graph; the gateway's /oauth/token and its client check ask them, signed.
  @Directive('@inaccessible')
  @Mutation(() => ApiClientTokenResult, { description: 'Internal to the gateway: the client-credentials grant.' })
  async apiClientToken(
    @Arg('clientId', { description: 'client_id.' }) clientId: string,
    @Arg('clientSecret', { description: 'client_secret.' }) clientSecret: string,
    @Arg('scopes', () => [String], { nullable: true, description: 'The scopes asked for; all granted ones when left out.' })
    scopes: string[] | null,
    @Ctx() ctx: DealersContext,
  ): Promise<ApiClientTokenResult> {
    if (ctx.claims) return { accessToken: null, expiresIn: null, scopes: [], error: 'invalid_request' };
    const result = await clients.issueClientToken(ctx, { clientId, clientSecret, scopes });
    return result.ok ? { ...result.value, error: null } : { accessToken: null, expiresIn: null, scopes: [], error: result.errors[0].code };
  }

  @Directive('@inaccessible')
  @Query(() => Boolean, { description: 'Internal to the gateway: whether an API client exists and is not revoked.' })
  async apiClientActive(
    @Arg('id', () => ID, { description: 'The client id (the cid claim).' }) id: string,
    @Ctx() ctx: DealersContext,
  ): Promise<boolean> {
    return normalizeId(id) ? clients.isApiClientActive(ctx, id) : false;
  }

  @FieldResolver(() => DealerType, {
    nullable: true,
    description: 'The dealer the client acts for; null for clients without dealer scopes.',
  })
  async dealer(@Root() client: { dealerId: string | null }, @Ctx() ctx: DealersContext) {
    if (!client.dealerId) return null;
    const dealer = await findDealer(ctx, client.dealerId);
    return dealer ? toDealerType(dealer) : null;
  }
}
