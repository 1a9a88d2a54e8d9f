import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type OperationDefinitionNode, OperationTypeNode, parse, print } from 'graphql';

/** The first-party clients' operations, committed beside them (built by `npm run persisted-documents`). */
export const MANIFEST_PATH = fileURLToPath(new URL('../../../client/persisted-documents.json', import.meta.url));
/** Where those operations are written, one per .graphql file. */
export const OPERATIONS_DIR = fileURLToPath(new URL('../../../client/operations', import.meta.url));

/** One persisted document: its id is the sha256 (hex) of its body, so a client can compute it too. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Apollo's persisted query manifest format (version 1), which Hive's CLI and Apollo's tools read as well. */
export interface PersistedDocumentsManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

/** The id of a document body: sha256, hex, over the exact text a client sends. */
export function documentId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The manifest of these operation sources: each one named operation, printed by graphql-js (the body clients send). */
export function buildManifest(sources: string[]): PersistedDocumentsManifest {
  const operations = sources.map((source): PersistedOperation => {
    const document = parse(source);
    const definitions = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (document.definitions.length !== 1 || definitions.length !== 1 || !definitions[0].name) {
      throw new Error(`Each persisted document holds exactly one named operation and no fragments:\n${source}`);
    }
    const body = print(document);
    const type =
      definitions[0].operation === OperationTypeNode.QUERY
        ? 'query'
        : definitions[0].operation === OperationTypeNode.MUTATION
          ? 'mutation'
          : 'subscription';
    return { id: documentId(body), name: definitions[0].name.value, type, body };
  });
  operations.sort((a, b) => a.name.localeCompare(b.name));
  const names = operations.map((o) => o.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`Two persisted documents are named ${twice}`);
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/**
 * The persisted documents by id, read once at start. A body whose hash is not its id (a hand-edited
 * manifest) stops the gateway: an id must always name the one document the client hashed.
 */
export function loadPersistedDocuments(path = MANIFEST_PATH): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedDocumentsManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest, version 1`);
  }
  const byId = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (documentId(operation.body) !== operation.id)
      throw new Error(`${path}: the id of ${operation.name} is not the sha256 of its body; run npm run persisted-documents`);
    byId.set(operation.id, operation.body);
  }
  return byId;
}
