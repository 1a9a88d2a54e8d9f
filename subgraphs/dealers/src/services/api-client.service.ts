import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import {
  type ApiScope,
  normalizeId,
  ok,
  type PageWindow,
  type Refused,
  refused,
  requireClaims,
  type Result,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { API_CLIENT_POLICY, clientGrantRefusal, isBudgetFigure } from '../domain/api-client.js';
import { ApiClient } from '../entities/api-client.entity.js';
import { Dealer } from '../entities/dealer.entity.js';
import { recordSecurityEvent, writeSecurityEvent } from './security-event.service.js';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A client secret: a prefix that secret scanners can spot, and 32 random bytes. */
const newSecret = () => `dgs_${randomBytes(32).toString('base64url')}`;

const refuse = (code: string, message: string, field?: string[]): Refused => refused(userError(code, message, field));

export interface NewApiClient {
  name: string;
  scopes: ApiScope[];
  dealerId?: string | null;
  costPerSecond?: number | null;
  costBurst?: number | null;
  requestsPerMinute?: number | null;
}

/**
 * Issues an API client (ADMIN, by the authorization matrix): a client id and a secret shown this
 * once, with its scopes, its dealer (required for scopes that act for one) and its own budget.
 */
export async function createApiClient(ctx: DealersContext, input: NewApiClient): Promise<Result<{ client: ApiClient; secret: string }>> {
  const claims = requireClaims(ctx.claims);
  const name = input.name.trim();
  if (!name || name.length > 200) return refuse('INVALID_NAME', 'Name the client (up to 200 characters).', ['input', 'name']);
  const scopes = [...new Set(input.scopes)];
  const dealerId = input.dealerId ? normalizeId(input.dealerId) : null;
  if (input.dealerId && !dealerId) return refuse('NOT_FOUND', 'There is no such dealer.', ['input', 'dealerId']);
  const grant = clientGrantRefusal({ scopes, dealerId });
  if (grant) return refuse(grant.code, grant.message, ['input', grant.code === 'DEALER_REQUIRED' ? 'dealerId' : 'scopes']);
  if (dealerId && !(await ctx.em.count(Dealer, { id: dealerId, active: true })))
    return refuse('NOT_FOUND', 'There is no such active dealer.', ['input', 'dealerId']);
  const costPerSecond = input.costPerSecond ?? API_CLIENT_POLICY.costPerSecond;
  const costBurst = input.costBurst ?? API_CLIENT_POLICY.costBurst;
  const requestsPerMinute = input.requestsPerMinute ?? API_CLIENT_POLICY.requestsPerMinute;
  for (const [field, value] of Object.entries({ costPerSecond, costBurst, requestsPerMinute })) {
    if (!isBudgetFigure(value)) return refuse('INVALID_BUDGET', `${field} must be a whole number from 1 to 10,000,000.`, ['input', field]);
  }
  const secret = newSecret();
  const client = ctx.em.create(ApiClient, {
    id: randomUUID(),
    name,
    secretHash: sha256(secret),
    dealer: dealerId ? ctx.em.getReference(Dealer, dealerId) : null,
    scopes,
    costPerSecond,
    costBurst,
    requestsPerMinute,
    createdBy: claims.sub,
  });
  recordSecurityEvent(ctx, ctx.em, {
    kind: 'API_CLIENT_CREATED',
    actorId: claims.sub,
    dealerId,
    detail: { clientId: client.id, name, scopes },
  });
  await ctx.em.flush();
  return { ok: true, value: { client, secret } };
}

/** Revokes a client: no new tokens, and the gateway refuses its current ones within seconds. */
export async function revokeApiClient(ctx: DealersContext, id: string): Promise<Result<ApiClient>> {
  const claims = requireClaims(ctx.claims);
  const clientId = normalizeId(id);
  if (!clientId) return refuse('NOT_FOUND', 'There is no API client with this id.', ['id']);
  // Under the row lock: parallel revokes of one client revoke it once, at one time, with one event.
  return ctx.em.transactional(async (em) => {
    const client = await em.findOne(ApiClient, { id: clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!client) return refuse('NOT_FOUND', 'There is no API client with this id.', ['id']);
    if (!client.revokedAt) {
      client.revokedAt = new Date();
      recordSecurityEvent(ctx, em, {
        kind: 'API_CLIENT_REVOKED',
        actorId: claims.sub,
        dealerId: client.dealer?.id ?? null,
        detail: { clientId: client.id },
      });
      await em.flush();
    }
    return { ok: true as const, value: client };
  });
}

/**
 * Gives a live client a new secret, returned this once. The old secret is refused for new tokens
 * as soon as this commits; tokens issued before keep working until they expire (at most
 * API_CLIENT_POLICY.tokenTtlSeconds), so a partner can switch without a gap. Revoked: REVOKED.
 */
export async function rotateApiClientSecret(ctx: DealersContext, id: string): Promise<Result<{ client: ApiClient; secret: string }>> {
  const claims = requireClaims(ctx.claims);
  const clientId = normalizeId(id);
  const client = clientId ? await ctx.em.findOne(ApiClient, { id: clientId }) : null;
  if (!client) return refuse('NOT_FOUND', 'There is no API client with this id.', ['id']);
  if (client.revokedAt) return refuse('REVOKED', 'This API client is revoked; issue a new one.', ['id']);
  const secret = newSecret();
  client.secretHash = sha256(secret);
  recordSecurityEvent(ctx, ctx.em, {
    kind: 'API_CLIENT_SECRET_ROTATED',
    actorId: claims.sub,
    dealerId: client.dealer?.id ?? null,
    detail: { clientId: client.id },
  });
  await ctx.em.flush();
  return { ok: true, value: { client, secret } };
}

/** A page of API clients, newest first. */
export async function listApiClients(ctx: DealersContext, window: PageWindow): Promise<[ApiClient[], number]> {
  requireClaims(ctx.claims);
  return ctx.em.findAndCount(ApiClient, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: window.limit, offset: window.offset });
}

const DUMMY_HASH = sha256('dealergraph-unknown-client');

/** A client token as /oauth/token answers it. */
export interface ClientToken {
  accessToken: string;
  expiresIn: number;
  scopes: ApiScope[];
}

/** The grant's refusals, by their RFC 6749 error codes (the gateway answers them as they are). */
const invalidClient = () => refused(userError('invalid_client', 'Unknown client, wrong secret, or a revoked client.'));
const invalidScope = () => refused(userError('invalid_scope', 'A scope asked for is not granted to this client.', ['scopes']));

/**
 * The client-credentials grant (internal: the gateway's /oauth/token asks it): a short-lived token
 * for a live client whose secret matches, narrowed to the requested scopes when some are asked for.
 */
export async function issueClientToken(
  ctx: DealersContext,
  input: { clientId: string; clientSecret: string; scopes?: string[] | null },
): Promise<Result<ClientToken>> {
  const id = normalizeId(input.clientId);
  const client = id ? await ctx.em.findOne(ApiClient, { id }, { populate: ['secretHash', 'dealer'] }) : null;
  const expected = Buffer.from(client?.secretHash ?? DUMMY_HASH, 'hex');
  const given = Buffer.from(sha256(input.clientSecret), 'hex');
  const secretOk = timingSafeEqual(expected, given) && !!client;
  const usable = secretOk && !client.revokedAt && (!client.dealer || client.dealer.getEntity().active);
  if (!usable) {
    await writeSecurityEvent(ctx, ctx.em, {
      kind: 'API_CLIENT_TOKEN_REFUSED',
      dealerId: client?.dealer?.id ?? null,
      detail: { clientId: client?.id ?? null },
    });
    return invalidClient();
  }
  let scopes = client.scopes;
  if (input.scopes && input.scopes.length > 0) {
    if (input.scopes.some((s) => !client.scopes.includes(s as ApiScope))) return invalidScope();
    scopes = input.scopes as ApiScope[];
  }
  const ttl = API_CLIENT_POLICY.tokenTtlSeconds;
  const accessToken = await ctx.tokens.issueClientToken(
    {
      clientId: client.id,
      dealerId: client.dealer?.id ?? null,
      scopes,
      budget: { costPerSecond: client.costPerSecond, costBurst: client.costBurst, requestsPerMinute: client.requestsPerMinute },
    },
    ttl,
  );
  await ctx.em.nativeUpdate(ApiClient, { id: client.id }, { lastTokenAt: new Date() });
  await writeSecurityEvent(ctx, ctx.em, {
    kind: 'API_CLIENT_TOKEN_ISSUED',
    dealerId: client.dealer?.id ?? null,
    detail: { clientId: client.id, scopes },
  });
  return ok({ accessToken, expiresIn: ttl, scopes });
}

/** True while a client exists and is not revoked (the gateway asks this for every client token it accepts). */
export async function isApiClientActive(ctx: DealersContext, id: string): Promise<boolean> {
  const clientId = normalizeId(id);
  if (!clientId) return false;
  return (await ctx.em.count(ApiClient, { id: clientId, revokedAt: null })) > 0;
}
