import { newEnvelope, signRequest } from '@dealergraph/runtime';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { defaultPrintFn } from '@graphql-tools/executor-common';

import type { ClientAddress, RawRequestContext } from './client-address.js';

/**
 * Signs every subgraph call (queries, mutations, `_entities` batches, subscribe messages) over the
 * printed query, variables, forwarded claims and an envelope with a timestamp, a fresh nonce and
 * the caller's address; subgraphs refuse stale or replayed calls. Must be the last plugin, so that
 * it signs the claims the JWT plugin just forwarded.
 */
export function useUpstreamSignature(options: { secret: string; clientAddress(context: RawRequestContext): ClientAddress }): GatewayPlugin {
  return {
    onSubgraphExecute({ executionRequest }) {
      const context = (executionRequest.context ?? {}) as RawRequestContext;
      const signed = signRequest(
        { query: defaultPrintFn(executionRequest.document), variables: executionRequest.variables, jwt: executionRequest.extensions?.jwt },
        options.secret,
        newEnvelope(options.clientAddress(context)),
      );
      executionRequest.extensions = { ...executionRequest.extensions, ...signed };
    },
  };
}
