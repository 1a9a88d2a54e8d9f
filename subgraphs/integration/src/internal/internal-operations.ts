import { defineInternalOperations, type ErpEvent, type InternalHandlers, InternalInputError } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import { SYNC_KINDS, type SyncKind } from '../domain/sync-schedule.js';
import { markSynced } from '../services/integration-monitor.service.js';
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

/** The integration subgraph's internal operations: the ERP events other services hand it, and the syncs they saw. */
export function integrationInternalOperations(webhooks: () => WebhookQueue, newEm: () => EntityManager): InternalHandlers<'integration'> {
  return defineInternalOperations('integration', {
    async acceptEvents(input) {
      return webhooks().accept(requireEvents(input?.events));
    },
    async markSynced(input) {
      const kind = input?.kind as SyncKind;
      const source = typeof input?.source === 'string' ? input.source.slice(0, 100) : '';
      if (!SYNC_KINDS.includes(kind) || kind === 'ORDERS' || !source)
        throw new InternalInputError('markSynced needs an inbound kind and a source');
      await markSynced(newEm(), { kind, source });
      return { kind };
    },
  });
}
