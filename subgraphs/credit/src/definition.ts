import type { DemoData } from '@dealergraph/demo-data';
import {
  buildFederatedSchema,
  canSeeDealer,
  documentLinkKey,
  internalClient,
  normalizeId,
  startPeriodic,
  type SubgraphDefinition,
} from '@dealergraph/runtime';

import type { CreditContext } from './context.js';
import { type CreditThresholds, DEFAULT_THRESHOLDS, thresholdsProblem } from './domain/credit.js';
import { entities } from './entities/index.js';
import { AccountResolver } from './graphql/account.resolver.js';
import { CreditAccountResolver, DealerCreditResolver } from './graphql/credit.resolver.js';
import { DealerStub } from './graphql/credit.type.js';
import { CreditAccountMasterResolver } from './graphql/credit-account-master.resolver.js';
import { DocumentResolver, InvoiceResolver, StatementResolver } from './graphql/invoice.resolver.js';
import { LedgerResolver } from './graphql/ledger.resolver.js';
import { PriceMismatchResolver } from './graphql/price-mismatch.resolver.js';
import { creditInternalOperations } from './internal/internal-operations.js';
import { createCreditLoaders } from './loaders/credit.loaders.js';
import { migrations } from './migrations/index.js';
import { seedCredit } from './seed/credit.seed.js';
import { checkInvoicePrices } from './services/price-consistency.service.js';

export interface CreditSettings {
  /** Graduated action by days past due; defaults 15 / 30 / 45. */
  thresholds?: Partial<CreditThresholds>;
  /** The approval level an order over a SOFT_WARNING dealer's limit waits for; FINANCE (4) by default. */
  softWarningApprovalLevel?: number;
  /** The clock; each request reads it once, so all of a request's figures are as of one instant. Tests fix it. */
  now?: () => Date;
  /** The gateway's upstream HMAC secret; document links are signed with a key derived from it. */
  documentLinkSecret?: string;
  /** Lifetime of a download link; 5 minutes by default. */
  documentLinkTtlSeconds?: number;
  /** How often invoices whose price check could not run yet are checked again (default a minute). */
  priceCheckIntervalMs?: number;
}

/** The credit subgraph: accounts, invoices, payments, holds; adds `Dealer.credit`. */
export function creditSubgraph(settings: CreditSettings = {}): SubgraphDefinition<CreditContext, DemoData> {
  const thresholds: CreditThresholds = { ...DEFAULT_THRESHOLDS, ...settings.thresholds };
  const problem = thresholdsProblem(thresholds);
  if (problem) throw new Error(problem);
  const clock = settings.now ?? (() => new Date());
  const documentKey = settings.documentLinkSecret ? documentLinkKey(settings.documentLinkSecret) : null;
  const documentLinkTtlSeconds = settings.documentLinkTtlSeconds ?? 300;
  return {
    name: 'credit',
    entities,
    // What the ERP's client writes here counts as a sync for the integration monitor.
    erpSyncs: {
      recordInvoice: 'INVOICES',
      recordPayment: 'INVOICES',
      setCreditLimit: 'CREDIT',
      recordBalanceAdjustment: 'CREDIT',
      upsertCreditAccount: 'CREDIT',
    },
    migrations,
    // The schema reads everything from the context, so one build serves every instance in a process.
    schemaCacheKey: 'credit',
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [
          CreditAccountResolver,
          DealerCreditResolver,
          AccountResolver,
          InvoiceResolver,
          StatementResolver,
          DocumentResolver,
          LedgerResolver,
          PriceMismatchResolver,
          CreditAccountMasterResolver,
        ],
        orphanedTypes: [DealerStub],
        referenceResolvers: {
          Dealer: {
            // A malformed id names no dealer: null, so Dealer.credit never takes it to PostgreSQL.
            __resolveReference(ref: { id: string }, ctx: CreditContext) {
              const id = normalizeId(ref.id);
              return id && canSeeDealer(ctx.claims, id) ? { id } : null;
            },
          },
        },
      }),
    context: (base, runtime) => {
      const at = clock();
      const now = () => at;
      const config = runtime?.config;
      // Built per call: orders starts after credit, so its port is known only then.
      const orders = config
        ? () => internalClient('orders', { baseUrl: config.serviceUrls.orders, key: config.internalKey, timeoutMs: 10_000 })
        : undefined;
      const services = config
        ? { dealers: internalClient('dealers', { baseUrl: config.serviceUrls.dealers, key: config.internalKey, timeoutMs: 10_000 }) }
        : undefined;
      return {
        ...base,
        now,
        thresholds,
        softWarningApprovalLevel: settings.softWarningApprovalLevel,
        documentKey,
        documentLinkTtlSeconds,
        orders,
        services,
        loaders: createCreditLoaders(base.em, now),
      };
    },
    // Invoices whose price check could not run when they were recorded (orders unreachable). The first
    // pass waits one interval: orders starts after credit, so asking it at once only logs a warning.
    start: async (runtime, newContext) =>
      startPeriodic(
        async () => {
          const ctx = newContext();
          if (ctx.orders) await checkInvoicePrices(ctx.em, ctx.orders());
        },
        settings.priceCheckIntervalMs ?? 60_000,
        (error) => runtime.logger.warn('invoice price check failed; trying again', { error: String(error) }),
        { now: false },
      ),
    internalOperations: (newContext) => creditInternalOperations(newContext),
    seed: seedCredit,
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = creditSubgraph();
