import { randomBytes, randomUUID } from 'node:crypto';

import { normalizeId, type PageWindow, requireClaims } from '@dealergraph/runtime';

import type { IntegrationContext } from '../context.js';
import { checkEndpointInput } from '../domain/webhook-endpoint.js';
import { WebhookAttempt } from '../entities/webhook-attempt.entity.js';
import { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../entities/webhook-endpoint.entity.js';

export interface WebhookUserError {
  code: string;
  message: string;
  field: string[];
}

/** A fresh Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Registers an endpoint (ADMIN, by the authorization matrix); its secret is returned with it, this once. */
export async function createWebhookEndpoint(
  ctx: IntegrationContext,
  input: { url: string; events: string[]; description?: string | null },
): Promise<{ endpoint: WebhookEndpoint | null; userErrors: WebhookUserError[] }> {
  const claims = requireClaims(ctx.claims);
  const check = checkEndpointInput(input);
  if (!check.ok) return { endpoint: null, userErrors: [check.problem] };
  const endpoint = ctx.em.create(WebhookEndpoint, {
    id: randomUUID(),
    url: check.url,
    events: check.events,
    description: check.description,
    secret: newWebhookSecret(),
    createdBy: claims.sub,
  });
  await ctx.em.persistAndFlush(endpoint);
  return { endpoint, userErrors: [] };
}

/** Stops new deliveries to an endpoint; those waiting are marked DEAD when their turn comes. Idempotent. */
export async function disableWebhookEndpoint(
  ctx: IntegrationContext,
  id: string,
): Promise<{ endpoint: WebhookEndpoint | null; userErrors: WebhookUserError[] }> {
  const endpointId = normalizeId(id);
  const endpoint = endpointId ? await ctx.em.findOne(WebhookEndpoint, { id: endpointId }) : null;
  if (!endpoint) return { endpoint: null, userErrors: [{ code: 'NOT_FOUND', message: 'No such webhook endpoint.', field: ['id'] }] };
  if (endpoint.active) {
    endpoint.active = false;
    endpoint.disabledAt = new Date();
    await ctx.em.flush();
  }
  return { endpoint, userErrors: [] };
}

export function webhookEndpoints(ctx: IntegrationContext, window: PageWindow): Promise<[WebhookEndpoint[], number]> {
  return ctx.em.findAndCount(
    WebhookEndpoint,
    {},
    { orderBy: { createdAt: 'desc', id: 'asc' }, limit: window.limit, offset: window.offset },
  );
}

/** Deliveries, newest first, optionally of one status, endpoint or order. */
export function webhookDeliveries(
  ctx: IntegrationContext,
  window: PageWindow,
  filter: { status?: string | null; endpointId?: string | null; orderId?: string | null },
): Promise<[WebhookDelivery[], number]> {
  const where: Record<string, unknown> = {};
  if (filter.status) where.status = filter.status.trim().toUpperCase();
  if (filter.endpointId) where.endpointId = normalizeId(filter.endpointId) ?? '00000000-0000-0000-0000-000000000000';
  if (filter.orderId) where.orderingKey = filter.orderId.trim().toLowerCase();
  return ctx.em.findAndCount(WebhookDelivery, where, { orderBy: { seq: 'desc' }, limit: window.limit, offset: window.offset });
}

export async function findWebhookDelivery(ctx: IntegrationContext, id: string): Promise<WebhookDelivery | null> {
  const deliveryId = normalizeId(id);
  return deliveryId ? ctx.em.findOne(WebhookDelivery, { id: deliveryId }) : null;
}

/** Every try of a delivery, first first. */
export function deliveryAttempts(ctx: IntegrationContext, deliveryId: string): Promise<WebhookAttempt[]> {
  return ctx.em.find(WebhookAttempt, { deliveryId }, { orderBy: { attempt: 'asc' } });
}

/** Sends a DEAD delivery again now (one more try); anything else is refused with a code. */
export async function replayWebhookDelivery(
  ctx: IntegrationContext,
  id: string,
): Promise<{ delivery: WebhookDelivery | null; userErrors: WebhookUserError[] }> {
  const delivery = await findWebhookDelivery(ctx, id);
  if (!delivery) return { delivery: null, userErrors: [{ code: 'NOT_FOUND', message: 'No such delivery.', field: ['id'] }] };
  if (delivery.status !== 'DEAD')
    return {
      delivery,
      userErrors: [{ code: 'NOT_DEAD', message: `The delivery is ${delivery.status}: only a dead delivery is replayed.`, field: ['id'] }],
    };
  await ctx.webhooks.replay([delivery.id]);
  await ctx.em.refresh(delivery);
  return { delivery, userErrors: [] };
}

/** Sends every DEAD delivery (of one endpoint, when given) again now, in order. Returns how many. */
export async function replayWebhookDeliveries(ctx: IntegrationContext, endpointId: string | null): Promise<number> {
  const where: Record<string, unknown> = { status: 'DEAD' };
  if (endpointId) where.endpointId = normalizeId(endpointId) ?? '00000000-0000-0000-0000-000000000000';
  const dead = await ctx.em.find(WebhookDelivery, where, { fields: ['id'], orderBy: { seq: 'asc' }, limit: 10_000 });
  return (await ctx.webhooks.replay(dead.map((d) => d.id))).length;
}
