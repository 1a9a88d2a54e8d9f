// The one graphql-codegen configuration of the first-party clients (the web app, and the SDK later):
// typed operations from client/operations/*.graphql against the public API schema, and the persisted
// documents manifest the gateway serves. Run with `npm run codegen`; a test fails when the committed
// output is stale (gateway/test/persisted-documents-manifest.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Supergraph } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { type GraphQLSchema, printSchema } from 'graphql';

export const CLIENT_DIR = fileURLToPath(new URL('.', import.meta.url));
export const OPERATIONS_GLOB = `${CLIENT_DIR}operations/*.graphql`;
export const GENERATED_DIR = `${CLIENT_DIR}generated/`;
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url));

/**
 * The schema clients see: the committed supergraph's API schema (no join__/link machinery, no
 * @inaccessible fields), so that an operation can only name what the gateway really serves.
 */
export function publicSchema(): GraphQLSchema {
  return Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
}

export function codegenConfig(): CodegenConfig {
  return {
    // The SDL text itself (codegen's loaders take SDL as well as paths).
    schema: printSchema(publicSchema()),
    documents: [OPERATIONS_GLOB],
    silent: true,
    generates: {
      [GENERATED_DIR]: {
        preset: 'client',
        presetConfig: {
          fragmentMasking: false,
          // The documents in the bundle are their ids only; the text lives in the manifest the gateway serves.
          persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
        },
        config: {
          documentMode: 'string',
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: true,
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
          scalars: { DateTimeISO: 'string', DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
        },
      },
    },
  };
}
