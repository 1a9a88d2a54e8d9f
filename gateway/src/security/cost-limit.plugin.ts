import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';

import { type BucketStore, memoryBucketStore } from './bucket-store.js';
import type { ClientAddress, RawRequestContext } from './client-address.js';
import { type CostModel, operationCost } from './operation-cost.js';
import type { BucketPolicy } from './token-bucket.js';

export interface CostLimitOptions {
  /** Most an operation may cost. */
  maxCost: number;
  /** Each caller's spend: a burst, then a steady rate per second (a leaky bucket). */
  budget: BucketPolicy;
  clientAddress(context: RawRequestContext): ClientAddress;
  model?: CostModel;
  /** Where the budgets are kept: this process unless given (Redis, shared by every gateway). */
  store?: BucketStore;
}

type PayerContext = RawRequestContext & { jwt?: { payload?: { sub?: unknown; cid?: unknown; budget?: unknown } } };

/** Who pays: the API client (by its id), the signed-in user, else the client address. */
function payer(context: PayerContext, clientAddress: CostLimitOptions['clientAddress']): string {
  const { sub, cid } = context.jwt?.payload ?? {};
  if (typeof cid === 'string') return `client:${cid}`;
  return typeof sub === 'string' ? `user:${sub}` : `address:${clientAddress(context).ip ?? 'unknown'}`;
}

/** An API client's own budget, from its token (issued and signed by the dealers subgraph). */
export function clientBudget(context: PayerContext): { cost: BucketPolicy; requests: BucketPolicy } | null {
  const payload = context.jwt?.payload;
  const budget = payload?.budget as { costPerSecond?: unknown; costBurst?: unknown; requestsPerMinute?: unknown } | undefined;
  if (typeof payload?.cid !== 'string' || !budget) return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);
  const perSecond = n(budget.costPerSecond);
  const burst = n(budget.costBurst);
  const perMinute = n(budget.requestsPerMinute);
  if (!perSecond || !burst || !perMinute) return null;
  return { cost: { burst, perSecond }, requests: { burst: perMinute, perSecond: perMinute / 60 } };
}

/**
 * Prices every operation before it runs (operation-cost.ts), refuses one above `maxCost`, charges
 * the caller's budget and refuses when it is spent, and reports the cost in
 * `extensions.cost` so integrators can tune their queries.
 */
export function useCostLimit(options: CostLimitOptions): GatewayPlugin {
  const store = options.store ?? memoryBucketStore;
  const buckets = store('cost', options.budget);
  // An API client's request rate, apart from its cost budget.
  const requestBuckets = store('requests', { burst: 60, perSecond: 1 });
  const check = async (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Record<string, unknown> | null;
    contextValue: unknown;
  }) => {
    const cost = operationCost({
      schema: args.schema,
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues,
      model: options.model,
    });
    const own = clientBudget(args.contextValue as PayerContext);
    const report = { requested: cost, maximum: options.maxCost, budgetPerSecond: own?.cost.perSecond ?? options.budget.perSecond };
    if (cost > options.maxCost) {
      return {
        report,
        error: new GraphQLError(
          `This operation costs ${cost}, more than the ${options.maxCost} allowed: ask for smaller pages or fewer fields.`,
          {
            extensions: { code: 'COST_LIMIT_EXCEEDED', cost: report },
          },
        ),
      };
    }
    const key = payer(args.contextValue as PayerContext, options.clientAddress);
    const wait = (own && (await requestBuckets.take(key, 1, own.requests))) || (await buckets.take(key, cost, own?.cost));
    if (wait > 0) {
      return {
        report,
        error: new GraphQLError(`Your query budget is spent for now; try again in ${wait} s.`, {
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait, cost: report },
        }),
      };
    }
    return { report };
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { report, error } = await check(args as never);
      if (error) {
        setResultAndStopExecution({ errors: [error], extensions: { cost: report } } as never);
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (result && !(Symbol.asyncIterator in (result as object))) {
            const single = result as { extensions?: Record<string, unknown> };
            setResult({ ...single, extensions: { ...single.extensions, cost: report } } as never);
          }
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const { error } = await check(args as never);
      if (error) setResultAndStopExecution({ errors: [error] } as never);
    },
  };
}
