/**
 * Writes the authorization matrix into docs/SECURITY.md (between its markers):
 *   npm run docs:authorization
 * gateway/test/authorization-matrix.test.ts fails when the document and the table drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { withAuthorizationMatrix } from '@dealergraph/runtime';

const path = join(import.meta.dirname, '..', 'docs', 'SECURITY.md');
writeFileSync(path, withAuthorizationMatrix(readFileSync(path, 'utf8')));
console.log(`wrote the authorization matrix into ${path}`);
