import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { IntegrationContext } from '../context.js';
import type { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import type { WebhookEndpoint } from '../entities/webhook-endpoint.entity.js';
import * as webhooks from '../services/webhook.service.js';
import {
  CreateWebhookEndpointInput,
  ReplayWebhookDeliveriesPayload,
  ReplayWebhookDeliveryPayload,
  WebhookAttemptType,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointConnection,
  WebhookEndpointPayload,
  WebhookEndpointType,
} from './webhook.type.js';

const toEndpointType = (e: WebhookEndpoint, showSecret = false): WebhookEndpointType => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description,
  secret: showSecret ? e.secret : null,
  active: e.active,
  createdAt: e.createdAt,
  disabledAt: e.disabledAt,
});

export const toDeliveryType = (d: WebhookDelivery): WebhookDeliveryType => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  endpointId: d.endpointId,
  orderingKey: d.orderingKey,
  status: d.status,
  attempts: d.attempts,
  lastResponseStatus: d.lastResponseStatus,
  lastError: d.lastError,
  lastAttemptAt: d.lastAttemptAt,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
  body: d.body,
  ignoredAt: d.ignoredAt,
  ignoredBy: d.ignoredBy,
  ignoreReason: d.ignoreReason,
});

@Resolver(() => WebhookDeliveryType)
export class WebhookResolver {
  @Authorized()
  @Mutation(() => WebhookEndpointPayload, {
    description: 'ADMIN: registers a URL the ERP receives signed events at; the secret is in the answer, this once.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The URL and the events.' }) input: CreateWebhookEndpointInput,
    @Ctx() ctx: IntegrationContext,
  ): Promise<WebhookEndpointPayload> {
    const { endpoint, userErrors } = await webhooks.createWebhookEndpoint(ctx, input);
    return { endpoint: endpoint ? toEndpointType(endpoint, true) : null, userErrors };
  }

  @Authorized()
  @Mutation(() => WebhookEndpointPayload, {
    description: 'ADMIN: stops sending to an endpoint; deliveries still waiting for it end DEAD. Idempotent.',
  })
  async disableWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Ctx() ctx: IntegrationContext,
  ): Promise<WebhookEndpointPayload> {
    const { endpoint, userErrors } = await webhooks.disableWebhookEndpoint(ctx, id);
    return { endpoint: endpoint ? toEndpointType(endpoint) : null, userErrors };
  }

  @Authorized()
  @Query(() => WebhookEndpointConnection, { description: 'ADMIN: the webhook endpoints, newest first (secrets are not shown).' })
  async webhookEndpoints(@Args() args: PageArgs, @Ctx() ctx: IntegrationContext) {
    const window = pageWindow(args);
    const [rows, total] = await webhooks.webhookEndpoints(ctx, window);
    return toPage(
      rows.map((e) => toEndpointType(e)),
      total,
      window,
    );
  }

  @Authorized()
  @Query(() => WebhookDeliveryConnection, { description: 'ADMIN: webhook deliveries, newest first.' })
  async webhookDeliveries(
    @Args() args: PageArgs,
    @Arg('status', () => String, { nullable: true, description: 'Only these: PENDING, RETRYING, DELIVERED or DEAD.' })
    status: string | null,
    @Arg('endpointId', () => ID, { nullable: true, description: "Only this endpoint's." }) endpointId: string | null,
    @Arg('orderId', () => ID, { nullable: true, description: 'Only those about this order.' }) orderId: string | null,
    @Ctx() ctx: IntegrationContext,
  ) {
    const window = pageWindow(args);
    const [rows, total] = await webhooks.webhookDeliveries(ctx, window, { status, endpointId, orderId });
    return toPage(rows.map(toDeliveryType), total, window);
  }

  @Authorized()
  @Mutation(() => ReplayWebhookDeliveryPayload, {
    description: 'ADMIN: tries a DEAD delivery once more now; later deliveries of its order follow once it is through.',
  })
  async replayWebhookDelivery(
    @Arg('id', () => ID, { description: 'The delivery.' }) id: string,
    @Ctx() ctx: IntegrationContext,
  ): Promise<ReplayWebhookDeliveryPayload> {
    const { delivery, userErrors } = await webhooks.replayWebhookDelivery(ctx, id);
    return { delivery: delivery ? toDeliveryType(delivery) : null, userErrors };
  }

  @Authorized()
  @Mutation(() => ReplayWebhookDeliveriesPayload, {
    description: 'ADMIN: tries every DEAD delivery (of one endpoint, when given) once more now, in their order.',
  })
  async replayWebhookDeliveries(
    @Arg('endpointId', () => ID, { nullable: true, description: "Only this endpoint's; all when omitted." }) endpointId: string | null,
    @Ctx() ctx: IntegrationContext,
  ): Promise<ReplayWebhookDeliveriesPayload> {
    return { replayed: await webhooks.replayWebhookDeliveries(ctx, endpointId), userErrors: [] };
  }

  @FieldResolver(() => [WebhookAttemptType], { description: 'Every try, first first: when, the status and the start of the answer.' })
  async attemptLog(@Root() delivery: WebhookDeliveryType, @Ctx() ctx: IntegrationContext): Promise<WebhookAttemptType[]> {
    return ctx.loaders.attemptsByDelivery.load(delivery.id);
  }
}
