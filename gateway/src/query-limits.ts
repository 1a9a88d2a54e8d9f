import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';

/** How large an operation may be. Production is strict; the demo leaves room for exploring. */
export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
}

export const PRODUCTION_LIMITS: QueryLimits = { depth: 10, aliases: 15, tokens: 2000 };
export const DEMO_LIMITS: QueryLimits = { depth: 16, aliases: 50, tokens: 8000 };

/**
 * Refuses operations deeper, more aliased or longer than the limits, before planning: the category
 * tree (parent/children) and aliases could otherwise fan one request out into unbounded SQL.
 * Introspection is not counted (GraphiQL's own query is deep). In production the error does not
 * say the limit, so it cannot be probed.
 */
export function queryLimitPlugins(limits: QueryLimits, production: boolean) {
  const exposeLimits = !production;
  return [
    maxTokensPlugin({ n: limits.tokens, exposeLimits }),
    maxDepthPlugin({ n: limits.depth, exposeLimits, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesPlugin({ n: limits.aliases, exposeLimits }),
  ];
}
