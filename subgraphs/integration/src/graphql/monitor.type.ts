import { ConnectionType, UserError } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { SYNC_KINDS } from '../domain/sync-schedule.js';
import { WebhookDeliveryType } from './webhook.type.js';

export const SyncKindEnum = Object.fromEntries(SYNC_KINDS.map((k) => [k, k])) as { [K in (typeof SYNC_KINDS)[number]]: K };
registerEnumType(SyncKindEnum, {
  name: 'SyncKind',
  description: 'A kind of data the ERP keeps in step with the portal (seed "Synchronization Strategies").',
  valuesConfig: {
    PRICES: { description: 'List prices, tier rules, volume breaks, promotions, special prices: daily or on change.' },
    INVENTORY: { description: 'Stock levels and inbound shipments: hourly or real time.' },
    CREDIT: { description: 'Credit accounts: real time.' },
    ORDERS: { description: 'Approved orders out to the ERP: instant (the lag is the oldest event still waiting).' },
    CUSTOMERS: { description: 'Dealer master data: daily.' },
    PRODUCTS: { description: 'The catalog: daily or on change.' },
    INVOICES: { description: 'Invoices and payments: daily.' },
  },
});

export const SyncStateEnum = { OK: 'OK', OVERDUE: 'OVERDUE', NEVER: 'NEVER' } as const;
registerEnumType(SyncStateEnum, {
  name: 'SyncState',
  description: 'Whether a kind of data is in step with its schedule.',
  valuesConfig: {
    OK: { description: 'Synced within its schedule.' },
    OVERDUE: { description: 'Not synced within its schedule and grace: an alert is raised.' },
    NEVER: { description: 'Never synced from the ERP (the seed or manual setup is all there is): no alert.' },
  },
});

@ObjectType('SyncStatus', { description: 'One kind of data and how far it lags behind its schedule.' })
export class SyncStatusType {
  @Field(() => SyncKindEnum, { description: 'The kind of data.' })
  kind!: keyof typeof SyncKindEnum;

  @Field({ description: 'How often the guide says it should flow, e.g. "daily or on change".' })
  schedule!: string;

  @Field(() => Int, { description: 'The most seconds that may pass before it counts as overdue (its period and a grace).' })
  expectedWithinSeconds!: number;

  @Field(() => Date, { nullable: true, description: 'The last successful sync; null when never.' })
  lastSuccessAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What brought the last sync: "import PRICE_LIST", "api recordInvoice".' })
  source!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds since then (for ORDERS: the age of the oldest event waiting); null when never.',
  })
  lagSeconds!: number | null;

  @Field(() => SyncStateEnum, { description: 'OK, OVERDUE or NEVER.' })
  state!: keyof typeof SyncStateEnum;
}

@ObjectType('IntegrationStatus', { description: 'The ERP link at a glance: each sync and the error queue.' })
export class IntegrationStatusType {
  @Field(() => [SyncStatusType], { description: 'Every kind of data, in a fixed order.' })
  syncs!: SyncStatusType[];

  @Field(() => Int, { description: 'Webhook deliveries waiting for their first try.' })
  waitingDeliveries!: number;

  @Field(() => Int, { description: 'Deliveries that failed and will be tried again.' })
  retryingDeliveries!: number;

  @Field(() => Int, { description: 'Deliveries dead after every try: replay or ignore them.' })
  deadDeliveries!: number;

  @Field(() => Int, { description: 'Imports that failed in the last 7 days.' })
  failedImports!: number;

  @Field(() => Int, { description: 'Alerts not resolved yet (integrationAlerts).' })
  openAlerts!: number;

  @Field({ description: 'When this was computed.' })
  checkedAt!: Date;
}

export const IntegrationAlertKindEnum = {
  DELIVERY_DEAD: 'DELIVERY_DEAD',
  SYNC_OVERDUE: 'SYNC_OVERDUE',
  IMPORT_FAILED: 'IMPORT_FAILED',
  PRICE_MISMATCH: 'PRICE_MISMATCH',
} as const;
registerEnumType(IntegrationAlertKindEnum, {
  name: 'IntegrationAlertKind',
  description: 'What an integration alert is about.',
  valuesConfig: {
    DELIVERY_DEAD: { description: 'A webhook delivery failed every try (subject: the delivery id).' },
    SYNC_OVERDUE: { description: 'A kind of data is overdue (subject: the SyncKind).' },
    IMPORT_FAILED: { description: 'An import failed (subject: the import job id).' },
    PRICE_MISMATCH: { description: 'An invoice bills lines at other prices than ordered (subject: the invoice id; see priceMismatches).' },
  },
});

@ObjectType('IntegrationAlert', {
  description: 'Something about the ERP link that needs a person; resolved by itself once the cause is gone.',
})
export class IntegrationAlertType {
  @Field(() => ID, { description: 'The alert id.' })
  id!: string;

  @Field(() => IntegrationAlertKindEnum, { description: 'What it is about.' })
  kind!: keyof typeof IntegrationAlertKindEnum;

  @Field({ description: 'The delivery id, the SyncKind, the import job id or the invoice id.' })
  subject!: string;

  @Field({ description: 'What happened and what to do.' })
  message!: string;

  @Field({ description: 'When it was raised.' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its cause went away; null while open.' })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'A page of integration alerts.' })
export class IntegrationAlertConnection extends ConnectionType(IntegrationAlertType, 'integration alerts') {}

@ObjectType({ description: 'The result of ignoreWebhookDelivery.' })
export class IgnoreWebhookDeliveryPayload {
  @Field(() => WebhookDeliveryType, { nullable: true, description: 'The delivery, now IGNORED; null when unknown.' })
  delivery!: WebhookDeliveryType | null;

  @Field(() => [UserError], { description: 'Why not: NOT_FOUND, NOT_DEAD (only a dead delivery), INVALID_REASON.' })
  userErrors!: UserError[];
}
