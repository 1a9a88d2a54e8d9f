import type { ErpEvent } from '@dealergraph/runtime';

/** One row of the master data audit, as the forwarder reads it. */
export interface DealerChangeRecord {
  id: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actorName: string | null;
  at: Date;
}

/**
 * The `dealer.changed` webhook for one audited change: the dealer as it is after the change, which
 * fields changed (every field when it was created), and who made it, so an ERP can skip the echo of
 * its own upserts. The audit row's id is the event id (the `webhook-id` on every try); the dealer's id
 * orders the deliveries, so an ERP hears one dealer's changes in the order they were made.
 */
export function dealerChangedEvent({ change }: { change: DealerChangeRecord }): ErpEvent {
  const { before, after } = change;
  const changedFields = Object.keys(after).filter((key) => before === null || before[key] !== after[key]);
  return {
    id: change.id,
    type: 'dealer.changed',
    key: change.subjectId,
    at: change.at.toISOString(),
    data: {
      dealer: { id: change.subjectId, ...after },
      created: before === null,
      changedFields,
      changedBy: change.actorName,
    },
  };
}
