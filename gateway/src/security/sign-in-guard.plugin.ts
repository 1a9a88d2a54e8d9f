import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, GraphQLError } from 'graphql';

import { type BucketStore, memoryBucketStore } from './bucket-store.js';
import type { ClientAddress, RawRequestContext } from './client-address.js';
import { rootFieldOccurrences } from './operation-fields.js';
import type { BucketPolicy } from './token-bucket.js';

/** Root fields that check a secret (password, one-time code, refresh token, invitation token). */
export const CREDENTIAL_FIELDS = new Set(['login', 'refreshSession', 'logout', 'acceptInvitation']);

export interface SignInGuardOptions {
  /** Attempts per client address: a burst, then a steady rate. */
  perAddress: BucketPolicy;
  clientAddress(context: RawRequestContext): ClientAddress;
  /** Where the budget is kept: this process unless given (Redis, shared by every gateway). */
  store?: BucketStore;
}

/**
 * Makes guessing slow at the door: one credential-checking field per operation (aliases and
 * fragments cannot multiply the guesses of one request), and a budget of attempts per client
 * address. Per-account backoff is the dealers subgraph's part.
 */
export function useSignInGuard(options: SignInGuardOptions): GatewayPlugin {
  const buckets = (options.store ?? memoryBucketStore)('sign-in', options.perAddress);
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const credentialFields = rootFieldOccurrences(args.document as DocumentNode, args.operationName).filter((f) =>
        CREDENTIAL_FIELDS.has(f),
      );
      if (credentialFields.length === 0) return;
      if (credentialFields.length > 1) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError('Send one sign-in or session field per request: aliases and fragments cannot repeat it.', {
              extensions: { code: 'ONE_CREDENTIAL_FIELD_PER_REQUEST' },
            }),
          ],
        });
        return;
      }
      const { ip } = options.clientAddress(args.contextValue as RawRequestContext);
      const wait = await buckets.take(ip ?? 'unknown');
      if (wait > 0) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Too many sign-in attempts from your address; try again in ${wait} s.`, {
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait },
            }),
          ],
        });
      }
    },
  };
}
