import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

import { type Claims, isErpClient } from '../auth/claims.js';

/** The kinds of data an ERP writes through the API that the integration monitor tracks. */
export type ErpSyncKind = 'PRICES' | 'INVENTORY' | 'CREDIT' | 'CUSTOMERS' | 'PRODUCTS' | 'INVOICES';

/** A report at most this often per kind and process: an ERP upserting a thousand dealers is one sync. */
const REPORT_EVERY_MS = 5_000;

/** The root fields of a mutation that succeeded: answered, with no error on their path and no userErrors. */
export function succeededRootFields(input: {
  operation: OperationDefinitionNode;
  data: Record<string, unknown> | null | undefined;
  errors: readonly { path?: readonly (string | number)[] }[] | undefined;
}): string[] {
  if (input.operation.operation !== 'mutation' || !input.data) return [];
  const failed = new Set((input.errors ?? []).map((e) => e.path?.[0]));
  const names: string[] = [];
  for (const selection of input.operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    const payload = input.data[key] as { userErrors?: unknown[] } | null | undefined;
    if (payload == null || failed.has(key)) continue;
    if (Array.isArray(payload.userErrors) && payload.userErrors.length > 0) continue;
    names.push(selection.name.value);
  }
  return names;
}

/**
 * Tells the integration monitor that the ERP synced a kind of data through the API: after a
 * mutation of the ERP's own client (ERP_IMPORT, bound to no dealer) succeeds on one of `syncs`'
 * root fields, `report` is called with its kind, at most once per kind every few seconds. The
 * report is fire-and-forget: the ERP's write never waits on the monitor.
 */
export function erpSyncPlugin(options: {
  syncs: Readonly<Record<string, ErpSyncKind>>;
  report: (kind: ErpSyncKind, source: string) => void;
}): ApolloServerPlugin<{ claims: Claims | null }> {
  const lastReported = new Map<ErpSyncKind, number>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          if (!operation || response.body.kind !== 'single' || !isErpClient(contextValue.claims)) return;
          const { data, errors } = response.body.singleResult;
          for (const field of succeededRootFields({ operation, data, errors })) {
            const kind = options.syncs[field];
            if (!kind) continue;
            const now = Date.now();
            if (now - (lastReported.get(kind) ?? 0) < REPORT_EVERY_MS) continue;
            lastReported.set(kind, now);
            options.report(kind, `api ${field}`);
          }
        },
      };
    },
  };
}
