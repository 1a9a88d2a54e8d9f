import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generate } from '@graphql-codegen/cli';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { codegenConfig, publicSchema } from '../../client/codegen.config.js';
import { isApiClient } from '../src/persisted-documents/api-client.js';
import {
  checkOperationSources,
  documentHash,
  loadPersistedDocuments,
  MANIFEST_PATH,
  operationName,
  OPERATIONS_DIR,
  type PersistedDocumentsManifest,
} from '../src/persisted-documents/manifest.js';

const committed = () => JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as PersistedDocumentsManifest;

describe('the persisted documents manifest (client/generated/persisted-documents.json, written by codegen)', () => {
  it('is what codegen writes from client/operations (run npm run codegen after changing one)', async () => {
    const files = (await generate(codegenConfig(), false)) as { filename: string; content: string }[];
    expect(files.map((f) => f.filename.replace(/^.*\/client\//, 'client/')).sort()).toEqual(
      [
        'client/generated/gql.ts',
        'client/generated/graphql.ts',
        'client/generated/index.ts',
        'client/generated/persisted-documents.json',
      ].sort(),
    );
    for (const file of files) expect(readFileSync(file.filename, 'utf8'), file.filename).toBe(file.content);
    const operations = readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith('.graphql'));
    expect(Object.keys(committed())).toHaveLength(operations.length);
    expect(operations.length).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('holds documents valid against the public schema, each id "sha256:" and the sha256 of its body', () => {
    const schema = publicSchema();
    for (const [id, body] of Object.entries(committed())) {
      expect(validate(schema, parse(body)).map((e) => `${operationName(body)}: ${e.message}`)).toEqual([]);
      expect(id).toBe(`sha256:${documentHash(body)}`);
    }
  });

  it('keeps the fragments an operation uses in its body (codegen inlines them as definitions)', () => {
    const withFragments = Object.values(committed()).filter((body) => /\bfragment \w+ on /.test(body));
    expect(withFragments.length).toBeGreaterThan(0);
    for (const body of withFragments) expect(validate(publicSchema(), parse(body))).toEqual([]);
  });

  it('serves each body by its id and by the bare hash (Apollo persistedQuery), and refuses an edited manifest', () => {
    const documents = loadPersistedDocuments();
    for (const [id, body] of Object.entries(committed())) {
      expect(documents.get(id)).toBe(body);
      expect(documents.get(id.slice('sha256:'.length))).toBe(body);
    }
    const manifest = committed();
    const [firstId] = Object.keys(manifest);
    manifest[firstId] = manifest[firstId].replace('{', '{ __typename ');
    const path = join(mkdtempSync(join(tmpdir(), 'persisted-')), 'manifest.json');
    writeFileSync(path, JSON.stringify(manifest));
    expect(() => loadPersistedDocuments(path)).toThrow(/not the sha256 of its body/);
    writeFileSync(path, JSON.stringify({ [firstId.slice('sha256:'.length)]: committed()[firstId] }));
    expect(() => loadPersistedDocuments(path)).toThrow(/not the sha256 of its body/);
  });

  it('refuses operation files without a name, with two operations, or two of the same name; allows fragments', () => {
    expect(() => checkOperationSources(['{ me { email } }'])).toThrow(/one named operation/);
    expect(() => checkOperationSources(['query A { me { email } } query B { me { role } }'])).toThrow(/one named operation/);
    expect(() => checkOperationSources(['query A { me { email } }', 'query A { me { role } }'])).toThrow(
      /Two persisted documents are named A/,
    );
    expect(() => checkOperationSources(['query A { me { ...M } } fragment M on User { email }'])).not.toThrow();
  });

  it('exempts API client tokens only (role API_CLIENT with a client id)', () => {
    expect(isApiClient({ role: 'API_CLIENT', cid: 'c-1', scopes: ['catalog:read'] })).toBe(true);
    expect(isApiClient({ role: 'DEALER_ADMIN', sid: 's', dealerId: 'd' })).toBe(false);
    expect(isApiClient({ role: 'API_CLIENT' })).toBe(false);
    expect(isApiClient({ cid: 'c-1' })).toBe(false);
    expect(isApiClient(undefined)).toBe(false);
  });
});
