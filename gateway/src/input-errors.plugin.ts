import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError } from 'graphql';

/**
 * graphql-js refuses a variable of the wrong type, out of range or missing before anything runs, with an
 * error that carries no code: the caller's input, so BAD_USER_INPUT (as Apollo Server says it), not an
 * error a client has to guess about.
 */
const VARIABLE_ERROR = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

function coded(result: ExecutionResult): ExecutionResult | null {
  if (!result.errors?.some((e) => !e.extensions?.code && VARIABLE_ERROR.test(e.message))) return null;
  const errors = result.errors.map((e) =>
    !e.extensions?.code && VARIABLE_ERROR.test(e.message)
      ? new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } })
      : e,
  );
  return { ...result, errors };
}

/** Codes the gateway's own refusals of variables. */
export function useInputErrorCodes(): GatewayPlugin {
  return {
    // Where every answer passes before it is sent, whatever step (execute or the planner's variable check) refused.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const fixed = coded(result as ExecutionResult);
      if (fixed) setResult(fixed);
    },
  };
}
