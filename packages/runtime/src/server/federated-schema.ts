import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';

import { guardInputs } from '../graphql/input-guard.js';
import { authChecker } from './auth-checker.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])\n\n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through federation (entity stubs this subgraph extends). */

  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name; each must check that the caller may see the entity. */
  referenceResolvers?: ReferenceResolvers;
  /** Where `@Subscription` topics come from; needed once a resolver declares a subscription. */
  pubSub?: PubSub;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as `_service { sdl }` reports it. */
  sdl: string;
}

/** Builds a federation 2 subgraph schema from type-graphql resolvers. */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker,
    pubSub: options.pubSub,
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  const typeDefs = parse(FEDERATION_LINK + printSchemaWithDirectives(typeGraphqlSchema));
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
  // Every argument of every field passes the input rules before its resolver runs.
  guardInputs(schema);
  return { schema, sdl: printSubgraphSchema(schema) };
}
