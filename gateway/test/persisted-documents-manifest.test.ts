import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { isApiClient } from '../src/persisted-documents/api-client.js';
import {
  buildManifest,
  documentId,
  loadPersistedDocuments,
  MANIFEST_PATH,
  OPERATIONS_DIR,
  type PersistedDocumentsManifest,
} from '../src/persisted-documents/manifest.js';

const sources = () =>
  readdirSync(OPERATIONS_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(OPERATIONS_DIR, name), 'utf8'));
const committed = () => JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as PersistedDocumentsManifest;

describe('the persisted documents manifest (client/persisted-documents.json)', () => {
  it('is what client/operations gives (run npm run persisted-documents after changing one)', () => {
    expect(committed()).toEqual(buildManifest(sources()));
    expect(committed().operations.length).toBeGreaterThanOrEqual(10);
  });

  it('holds documents valid against the committed supergraph, each id the sha256 of its body', () => {
    const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8'), {
      assumeValidSDL: true,
    });
    for (const operation of committed().operations) {
      expect(validate(schema, parse(operation.body)).map((e) => `${operation.name}: ${e.message}`)).toEqual([]);
      expect(operation.id).toMatch(/^[0-9a-f]{64}$/);
      expect(operation.id).toBe(documentId(operation.body));
    }
  });

  it('refuses to load a manifest whose id does not match its body', () => {
    const manifest = committed();
    manifest.operations[0].body = manifest.operations[0].body.replace('{', '{ __typename ');
    const path = join(mkdtempSync(join(tmpdir(), 'persisted-')), 'manifest.json');
    writeFileSync(path, JSON.stringify(manifest));
    expect(() => loadPersistedDocuments(path)).toThrow(/not the sha256 of its body/);
    expect(loadPersistedDocuments().size).toBe(committed().operations.length);
  });

  it('refuses operations without a name, with two operations, or two of the same name', () => {
    expect(() => buildManifest(['{ me { email } }'])).toThrow(/one named operation/);
    expect(() => buildManifest(['query A { me { email } } query B { me { role } }'])).toThrow(/one named operation/);
    expect(() => buildManifest(['query A { me { email } }', 'query A { me { role } }'])).toThrow(/Two persisted documents are named A/);
  });

  it('exempts API client tokens only (role API_CLIENT with a client id)', () => {
    expect(isApiClient({ role: 'API_CLIENT', cid: 'c-1', scopes: ['catalog:read'] })).toBe(true);
    expect(isApiClient({ role: 'DEALER_ADMIN', sid: 's', dealerId: 'd' })).toBe(false);
    expect(isApiClient({ role: 'API_CLIENT' })).toBe(false);
    expect(isApiClient({ cid: 'c-1' })).toBe(false);
    expect(isApiClient(undefined)).toBe(false);
  });
});
