// The operations the SDK knows: the persisted documents of client/generated (graphql-codegen's client
// preset over client/operations/*.graphql, against the public schema). A typed document carries only its
// id (sha256 of its text); the manifest beside it gives the text, from which the SDK reads the kind of the
// operation (query, mutation, subscription) to decide what it may retry.
import { readFileSync } from 'node:fs';

import { type OperationDefinitionNode, parse } from 'graphql';

import type { OperationKind } from './domain/retry-policy.js';

/** What the generated documents are at run time: their id under __meta__.hash, typed by result and variables. */
export interface PersistedDocument<TResult = unknown, TVariables = unknown> {
  __apiType?: (variables: TVariables) => TResult;
  __meta__?: { hash?: string };
}

const MANIFEST_URL = new URL('../../generated/persisted-documents.json', import.meta.url);
let manifest: Map<string, { kind: OperationKind; name: string }> | null = null;

function load(): Map<string, { kind: OperationKind; name: string }> {
  const documents = JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as Record<string, string>;
  return new Map(
    Object.entries(documents).map(([id, text]) => {
      const operation = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      return [id, { kind: operation.operation as OperationKind, name: operation.name?.value ?? '' }];
    }),
  );
}

/** The id the gateway knows the document by. */
export function documentIdOf(document: PersistedDocument): string {
  const id = document.__meta__?.hash;
  if (!id) throw new TypeError('Not a persisted document of client/generated: run npm run codegen');
  return id;
}

/** The kind and name of a persisted operation. */
export function operationOf(document: PersistedDocument): { id: string; kind: OperationKind; name: string } {
  const id = documentIdOf(document);
  manifest ??= load();
  const known = manifest.get(id);
  if (!known) throw new TypeError(`Unknown persisted document ${id}: run npm run codegen`);
  return { id, ...known };
}
