import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type OperationDefinitionNode, parse } from 'graphql';

/**
 * The first-party clients' operations by id, as graphql-codegen's client preset writes them
 * (`npm run codegen`): `{ "sha256:<hex>": "<body>" }`, the body codegen's own normalised print of the
 * operation with the fragments it uses. The apps send that id as `documentId`, so the gateway serves
 * exactly this file: no second hashing scheme that could disagree with the one the apps were built with.
 */
export const MANIFEST_PATH = fileURLToPath(new URL('../../../client/generated/persisted-documents.json', import.meta.url));
/** Where those operations are written, one named operation per .graphql file (fragments beside it allowed). */
export const OPERATIONS_DIR = fileURLToPath(new URL('../../../client/operations', import.meta.url));

/** The manifest: documentId (`sha256:` and the hex sha256 of the body) to the body. */
export type PersistedDocumentsManifest = Record<string, string>;

const ID = /^sha256:([0-9a-f]{64})$/;

/** The hex sha256 of a document body, over the exact text in the manifest. */
export function documentHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The name of the one operation in a body (the manifest's keys are ids; tests and tools look up by name). */
export function operationName(body: string): string {
  const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return operation?.name?.value ?? '';
}

/**
 * Checks the operation sources before codegen runs: each holds exactly one named operation (and any
 * fragments it uses), and no two operations share a name. Codegen would accept an anonymous or a
 * second operation in a file; a persisted document must be one operation a reviewer can find by name.
 */
export function checkOperationSources(sources: string[]): void {
  const names: string[] = [];
  for (const source of sources) {
    const operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (operations.length !== 1 || !operations[0].name) {
      throw new Error(`Each operation file holds exactly one named operation (fragments beside it are fine):\n${source}`);
    }
    names.push(operations[0].name.value);
  }
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`Two persisted documents are named ${twice}`);
}

/**
 * The persisted documents by id, read once at start. Each body is reachable by its manifest id
 * (`sha256:<hex>`, what the apps send as documentId) and by the bare hex (Apollo's
 * `extensions.persistedQuery.sha256Hash`). A body whose hash is not its id (a hand-edited manifest)
 * stops the gateway: an id must always name the one document the client was built with.
 */
export function loadPersistedDocuments(path = MANIFEST_PATH): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new Error(`${path} is not a persisted documents manifest ({ "sha256:<hex>": "<body>" }); run npm run codegen`);
  }
  const byId = new Map<string, string>();
  for (const [id, body] of Object.entries(manifest)) {
    const hex = ID.exec(id)?.[1];
    if (!hex || typeof body !== 'string' || documentHash(body) !== hex) {
      throw new Error(`${path}: the id ${id} is not the sha256 of its body; run npm run codegen`);
    }
    byId.set(id, body).set(hex, body);
  }
  return byId;
}
