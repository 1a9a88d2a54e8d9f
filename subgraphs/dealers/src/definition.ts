import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, internalClient, type SubgraphDefinition } from '@dealergraph/runtime';

import type { DealersContext } from './context.js';
import type { MfaPolicy } from './domain/mfa-requirement.js';
import { RETENTION_SWEEP } from './domain/security-event-retention.js';
import { entities } from './entities/index.js';
import { ApiClientResolver } from './graphql/api-client.resolver.js';
import { AuthResolver } from './graphql/auth.resolver.js';
import { DealerResolver, UserResolver } from './graphql/dealer.resolver.js';
import { DealerAddressResolver } from './graphql/dealer-address.resolver.js';
import { DealerMasterResolver } from './graphql/dealer-master.resolver.js';
import { DealerPolicyResolver } from './graphql/dealer-policy.resolver.js';
import { toDealerType } from './graphql/mappers.js';
import { MfaResolver } from './graphql/mfa.resolver.js';
import { RolloutResolver } from './graphql/rollout.resolver.js';
import { SecurityEventResolver } from './graphql/security-event.resolver.js';
import { SessionResolver } from './graphql/session.resolver.js';
import { TierResolver } from './graphql/tier.resolver.js';
import { UserAdminResolver } from './graphql/user-admin.resolver.js';
import { dealersInternalOperations } from './internal/internal-operations.js';
import { createDealerLoaders } from './loaders/dealer.loaders.js';
import { migrations } from './migrations/index.js';
import { seedDealers } from './seed/dealers.seed.js';
import { findDealer } from './services/dealer.service.js';
import { startDealerForwarder } from './services/dealer-forwarder.js';
import { PASSWORD_HASH_COST, type PasswordHashCost, passwordHasher } from './services/password-hashing.service.js';
import { type RetentionSettings, startSecurityEventRetention } from './services/security-event-retention.service.js';
import { DEFAULT_TIER_SETTINGS, startTierEvaluation, type TierSettings } from './services/tier.service.js';
import type { TokenService } from './services/token.service.js';

/**
 * The dealers subgraph: master data, users, sign-in. Needs the token service built from config, the
 * MFA policy (config.ts `readMfaPolicy`; the staff rule is off unless set) and the audit log's
 * retention (`securityEventRetentionDays`; 365 days unless set). The password hashing cost stays
 * argon2's default everywhere but in tests, whose stacks lower it (a test's sign-in is not a benchmark).
 * The tier job's settings come from config.ts `readTierSettings` (an hourly upgrade check, a yearly review).
 */
export function dealersSubgraph(
  tokens: TokenService,
  mfaPolicy: MfaPolicy = { staffMfaRequired: false },
  retention: RetentionSettings = { retentionDays: RETENTION_SWEEP.defaultDays },
  passwordHashCost: PasswordHashCost = PASSWORD_HASH_COST,
  tierSettings: TierSettings = DEFAULT_TIER_SETTINGS,
): SubgraphDefinition<DealersContext, DemoData> {
  const passwords = passwordHasher(passwordHashCost);
  return {
    name: 'dealers',
    // What the ERP's client writes here counts as a sync for the integration monitor.
    erpSyncs: { upsertDealer: 'CUSTOMERS', upsertDealerAddress: 'CUSTOMERS', upsertDealerContact: 'CUSTOMERS' },
    entities,
    migrations,
    // The schema reads everything from the context, so one build serves every instance in a process.
    schemaCacheKey: 'dealers',
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [
          DealerResolver,
          UserResolver,
          AuthResolver,
          SessionResolver,
          MfaResolver,
          SecurityEventResolver,
          DealerPolicyResolver,
          DealerMasterResolver,
          DealerAddressResolver,
          TierResolver,
          RolloutResolver,
          UserAdminResolver,
          ApiClientResolver,
        ],
        referenceResolvers: {
          Dealer: {
            // findDealer checks canSeeDealer and reads a malformed id as null.
            async __resolveReference(ref: { id: string }, ctx: DealersContext) {
              const dealer = await findDealer(ctx, ref.id);
              return dealer ? toDealerType(dealer) : null;
            },
          },
        },
      }),
    context: (base, runtime) => {
      const settings = runtime?.config;
      const client = <S extends 'prices' | 'products' | 'credit'>(service: S) =>
        internalClient(service, { baseUrl: settings?.serviceUrls[service] ?? '', key: settings?.internalKey ?? '', timeoutMs: 10_000 });
      return {
        ...base,
        loaders: createDealerLoaders(base.em),
        tokens,
        mfaPolicy,
        passwords,
        tierSettings,
        ...(settings
          ? { services: { prices: client('prices'), products: client('products'), credit: client('credit') }, logger: runtime.logger }
          : {}),
      };
    },
    internalOperations: (newContext) => dealersInternalOperations(newContext),
    // The audit log's retention sweep; each instance sweeps, and SKIP LOCKED keeps them apart.
    // dealer.changed goes to integration from the audit's outbox.
    start: async (runtime, newContext) => {
      const stopForwarder = await startDealerForwarder({ orm: runtime.orm, runtime, logger: runtime.logger });
      const stopRetention = startSecurityEventRetention(
        () => newContext().em,
        retention,
        (error) => runtime.logger.error('security event retention sweep failed', { error: String(error) }),
      );
      // The tier job: automatic upgrades, the periodic review and ended graces (one instance at a time, by an advisory lock).
      const stopTiers = startTierEvaluation(newContext, tierSettings, (error) =>
        runtime.logger.error('tier evaluation failed', { error: String(error) }),
      );
      return async () => {
        await stopTiers();
        await stopRetention();
        await stopForwarder();
      };
    },
    seed: (em, data, progress) => seedDealers(em, data, progress, passwords),
  };
}

/** The schema alone, for composition: no keys or database needed. */
export const toolingDefinition = dealersSubgraph(null as unknown as TokenService);
