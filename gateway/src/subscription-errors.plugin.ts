import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Codes that mean "something broke", not "your request was refused": such errors stay masked. The
 * runtime stamps DOWNSTREAM_SERVICE_ERROR on any subgraph error that came without a code.
 */
const UNEXPECTED_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * A subgraph's error as it came over the wire, as a GraphQLError: as it is when it carries a deliberate
 * code, else with a plain Error as its cause, which the error masking always hides ("Unexpected error.").
 * The cause matters for the JavaScript planner, which would otherwise pass any GraphQLError on.
 */
export function fromSubgraph(error: unknown): unknown {
  if (error instanceof GraphQLError || typeof error !== 'object' || error === null) return error;
  const { message, path, extensions } = error as GraphQLFormattedError;
  const code = extensions?.code;
  if (typeof message === 'string' && typeof code === 'string' && !UNEXPECTED_CODES.has(code))
    return new GraphQLError(message, { path, extensions });
  return new GraphQLError(String(message), { path, originalError: Object.assign(new Error(String(message)), { extensions }) });
}

const isStream = (result: object): result is AsyncIterable<ExecutionResult> => Symbol.asyncIterator in result;

function withExpectedErrors(result: ExecutionResult): ExecutionResult | null {
  if (!result.errors?.length) return null;
  const errors = result.errors.map(fromSubgraph) as GraphQLError[];
  return errors.some((e, i) => e !== result.errors![i]) ? { ...result, errors } : null;
}

/**
 * Lets the deliberate errors of a subscription's subgraph (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND …)
 * reach the client with their code and message, when it starts and on any later event. The graphql-ws
 * transport hands the gateway its subgraph's errors as plain JSON objects, unlike the HTTP transport,
 * which makes GraphQLErrors of them; the error masking takes anything that is not a GraphQLError for
 * a crash and answers "Unexpected error.". Errors without a code, or with INTERNAL_SERVER_ERROR, stay
 * masked, with either query planner.
 */
export function useSubscriptionErrors(): GatewayPlugin {
  return {
    onSubgraphExecute() {
      return ({ result, setResult }) => {
        if (isStream(result)) {
          return {
            onNext({ result: next, setResult: setNext }) {
              const fixed = withExpectedErrors(next);
              if (fixed) setNext(fixed);
            },
          };
        }
        const fixed = withExpectedErrors(result);
        if (fixed) setResult(fixed);
        return undefined;
      };
    },
  };
}
