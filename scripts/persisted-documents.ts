// graphql-codegen for the first-party clients: typed operations (client/generated/graphql.ts) and the
// persisted documents manifest the gateway serves (client/generated/persisted-documents.json), from
// client/operations/*.graphql against the public schema. Run after changing an operation or the schema:
//   npm run codegen
// gateway/test/persisted-documents-manifest.test.ts fails when the committed output is stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { generate } from '@graphql-codegen/cli';

import { codegenConfig, GENERATED_DIR } from '../client/codegen.config.js';
import { checkOperationSources, OPERATIONS_DIR } from '../gateway/src/persisted-documents/manifest.js';

checkOperationSources(
  readdirSync(OPERATIONS_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(join(OPERATIONS_DIR, name), 'utf8')),
);
const files = (await generate(codegenConfig(), true)) as { filename: string }[];
console.log(`${GENERATED_DIR}: ${files.map((f) => f.filename.slice(GENERATED_DIR.length)).join(', ')}`);
