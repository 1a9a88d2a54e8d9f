import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The runtime's codes for a subgraph it could not reach (refused, reset, DNS) or that did not answer in
 * time. Both mean "try again shortly", not a bug: the client should see that, not "Unexpected error.".
 */
const UNREACHABLE_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'GATEWAY_TIMEOUT', 'TIMEOUT_ERROR']);

/** How long a client should wait before it retries; a crashed service is back in about two seconds. */
export const RETRY_AFTER_SECONDS = 2;

function codeOf(error: GraphQLError | GraphQLFormattedError): unknown {
  return error.extensions?.code;
}

/** The coded, retryable error that replaces an unreachable subgraph's transport error; it names no address. */
export function serviceUnavailable(serviceName: string, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is not available right now; try again in a few seconds.`, {
    path,
    extensions: { code: 'SERVICE_UNAVAILABLE', service: serviceName, retryAfterSeconds: RETRY_AFTER_SECONDS },
  });
}

function withCodedOutages(result: ExecutionResult, serviceName: string): ExecutionResult | null {
  if (!result.errors?.some((error) => UNREACHABLE_CODES.has(codeOf(error) as string))) return null;
  const errors = result.errors.map((error) =>
    UNREACHABLE_CODES.has(codeOf(error) as string) ? serviceUnavailable(serviceName, error.path) : error,
  );
  return { ...result, errors };
}

/**
 * Answers SERVICE_UNAVAILABLE (with the service's name and a retry hint) for the fields of a subgraph that
 * cannot be reached or timed out, so that only those fields fail and the client knows it may retry.
 */
export function useServiceUnavailable(): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName }) {
      return ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) return undefined;
        const fixed = withCodedOutages(result as ExecutionResult, subgraphName);
        if (fixed) setResult(fixed);
        return undefined;
      };
    },
  };
}
