// Writes client/persisted-documents.json from client/operations/*.graphql: the first-party apps'
// operations by id (sha256 of the printed body). Run after changing an operation:
//   npm run persisted-documents
// gateway/test/persisted-documents.test.ts fails when the committed manifest is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildManifest, MANIFEST_PATH, OPERATIONS_DIR } from '../gateway/src/persisted-documents/manifest.js';

const files = readdirSync(OPERATIONS_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .sort();
const manifest = buildManifest(files.map((name) => readFileSync(join(OPERATIONS_DIR, name), 'utf8')));
writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${MANIFEST_PATH}: ${manifest.operations.length} operations`);
