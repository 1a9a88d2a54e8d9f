import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ClientAddress, RawRequestContext } from './client-address.js';
import { operationCost, type CostModel } from './operation-cost.js';
import { TokenBuckets, type BucketPolicy } from './token-bucket.js';

export interface CostLimitOptions {
  /** Most an operation may cost. */
  maxCost: number;
  /** Each caller's spend: a burst, then a steady rate per second (a leaky bucket). */
  budget: BucketPolicy;
  clientAddress(context: RawRequestContext): ClientAddress;
  model?: CostModel;
}

/** Who pays: the signed-in user (or API client), else the client address. */
function payer(context: RawRequestContext & { jwt?: { payload?: { sub?: unknown } } }, clientAddress: CostLimitOptions['clientAddress']): string {
  const sub = context.jwt?.payload?.sub;
  return typeof sub === 'string' ? `user:${sub}` : `address:${clientAddress(context).ip ?? 'unknown'}`;
}

/**
 * Prices every operation before it runs (operation-cost.ts), refuses one above `maxCost`, charges
 * the caller's budget and refuses when it is spent, and reports the cost in
 * `extensions.cost` so integrators can tune their queries.
 */
export function useCostLimit(options: CostLimitOptions): GatewayPlugin {
  const buckets = new TokenBuckets(options.budget);
  const check = (args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null; contextValue: unknown }) => {
    const cost = operationCost({ schema: args.schema, document: args.document, operationName: args.operationName, variables: args.variableValues, model: options.model });
    const report = { requested: cost, maximum: options.maxCost, budgetPerSecond: options.budget.perSecond };
    if (cost > options.maxCost) {
      return {
        report,
        error: new GraphQLError(`This operation costs ${cost}, more than the ${options.maxCost} allowed: ask for smaller pages or fewer fields.`, {
          extensions: { code: 'COST_LIMIT_EXCEEDED', cost: report },
        }),
      };
    }
    const wait = buckets.take(payer(args.contextValue as RawRequestContext, options.clientAddress), cost);
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
    onExecute({ args, setResultAndStopExecution }) {
      const { report, error } = check(args as never);
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
    onSubscribe({ args, setResultAndStopExecution }) {
      const { error } = check(args as never);
      if (error) setResultAndStopExecution({ errors: [error] } as never);
    },
  };
}
