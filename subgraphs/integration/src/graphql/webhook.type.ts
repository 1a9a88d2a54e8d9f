import { ConnectionType, UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Where the ERP hears of events, and which.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'The https:// (or http://) URL the events are POSTed to.' })
  url!: string;

  @Field(() => [String], { description: 'The events to send: order.approved, order.cancelled, order.changed, dealer.changed.' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What it is, for the people who look after it (at most 500 characters).' })
  description?: string | null;
}

@ObjectType('WebhookEndpoint', { description: 'A URL the ERP receives signed events at (Standard Webhooks; docs/ERP.md).' })
export class WebhookEndpointType {
  @Field(() => ID, { description: 'The endpoint id.' })
  id!: string;

  @Field({ description: 'Where the events are POSTed.' })
  url!: string;

  @Field(() => [String], { description: 'The events it receives.' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What it is; null when not given.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret ("whsec_…"): returned by createWebhookEndpoint only, this once; null everywhere else.',
  })
  secret!: string | null;

  @Field({ description: 'False once disabled: it receives nothing more.' })
  active!: boolean;

  @Field({ description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while active.' })
  disabledAt!: Date | null;
}

@ObjectType({ description: 'A page of webhook endpoints.' })
export class WebhookEndpointConnection extends ConnectionType(WebhookEndpointType, 'webhook endpoints') {}

@ObjectType({ description: 'The result of createWebhookEndpoint or disableWebhookEndpoint.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointType, { nullable: true, description: 'The endpoint; null when refused.' })
  endpoint!: WebhookEndpointType | null;

  @Field(() => [UserError], {
    description:
      'Why not: INVALID_URL, NO_EVENTS, UNKNOWN_EVENT, INVALID_INPUT (createWebhookEndpoint); NOT_FOUND (disableWebhookEndpoint).',
  })
  userErrors!: UserError[];
}

@ObjectType('WebhookAttempt', { description: 'One try of a webhook delivery.' })
export class WebhookAttemptType {
  @Field(() => Int, { description: '1 for the first try.' })
  attempt!: number;

  @Field({ description: 'When it was tried.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the answer; null when none came (refused, timed out).' })
  responseStatus!: number | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why no answer came; null when one did.' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: "The first 500 characters of the answer's body." })
  responseExcerpt!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint, tried until delivered or dead (docs/ERP.md).' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'The delivery id (for replayWebhookDelivery).' })
  id!: string;

  @Field({ description: 'The event id: the webhook-id header, the same on every try; the ERP de-duplicates by it.' })
  eventId!: string;

  @Field({ description: 'order.approved, order.cancelled, order.changed or dealer.changed.' })
  eventType!: string;

  @Field(() => ID, { description: 'The endpoint it goes to.' })
  endpointId!: string;

  @Field({ description: 'The order (or dealer) the event is about: deliveries of one order arrive in order.' })
  orderingKey!: string;

  @Field({
    description:
      'PENDING (waiting for its first try, or behind an earlier delivery of its order), RETRYING (failed, tried again later), DELIVERED, DEAD (every try failed: replay or ignore it), IGNORED (dead, set aside by a person).',
  })
  status!: string;

  @Field(() => Int, { description: 'Tries so far.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when none came or no try yet.' })
  lastResponseStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed; null otherwise.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last tried.' })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it; null until then.' })
  deliveredAt!: Date | null;

  @Field({ description: 'When the event was queued for this endpoint.' })
  createdAt!: Date;

  @Field({ description: 'The JSON body, exactly as signed and sent.' })
  body!: string;

  @Field(() => Date, { nullable: true, description: 'When a person set it aside (IGNORED); null otherwise.' })
  ignoredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who set it aside: their e-mail or the API client.' })
  ignoredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was set aside.' })
  ignoreReason!: string | null;
}

@ObjectType({ description: 'A page of webhook deliveries.' })
export class WebhookDeliveryConnection extends ConnectionType(WebhookDeliveryType, 'webhook deliveries') {}

@ObjectType({ description: 'The result of replayWebhookDelivery.' })
export class ReplayWebhookDeliveryPayload {
  @Field(() => WebhookDeliveryType, { nullable: true, description: 'The delivery, queued again; null when unknown.' })
  delivery!: WebhookDeliveryType | null;

  @Field(() => [UserError], { description: 'Why not: NOT_FOUND, NOT_DEAD (only a dead delivery is replayed).' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of replayWebhookDeliveries.' })
export class ReplayWebhookDeliveriesPayload {
  @Field(() => Int, { description: 'How many dead deliveries were queued again.' })
  replayed!: number;

  @Field(() => [UserError], { description: 'Always empty: nothing to refuse.' })
  userErrors!: UserError[];
}
