import { defineInternalOperations, type ErpEvent, type InternalHandlers, InternalInputError } from '@dealergraph/runtime';

import type { WebhookQueue } from '../services/webhook-queue.js';

/** Events per call: the orders forwarder sends at most a batch of its outbox. */
const MAX_EVENTS = 1000;

function requireEvents(value: unknown): ErpEvent[] {
  if (!Array.isArray(value) || value.length > MAX_EVENTS) throw new InternalInputError(`events must be a list of at most ${MAX_EVENTS}`);
  return value.map((e, i) => {
    const event = e as Partial<ErpEvent> | null;
    const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
    if (
      !event ||
      !text(event.id) ||
      !text(event.type) ||
      !text(event.key) ||
      !text(event.at) ||
      typeof event.data !== 'object' ||
      !event.data
    )
      throw new InternalInputError(`events[${i}] needs id, type, key, at and data`);
    return { id: event.id!, type: event.type!, key: event.key!, at: event.at!, data: event.data as Record<string, unknown> };
  });
}

/** The integration subgraph's internal operations: the ERP events other services hand it. */
export function integrationInternalOperations(webhooks: () => WebhookQueue): InternalHandlers<'integration'> {
  return defineInternalOperations('integration', {
    async acceptEvents(input) {
      return webhooks().accept(requireEvents(input?.events));
    },
  });
}
