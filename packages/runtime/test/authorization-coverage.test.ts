import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Kind, type ObjectTypeDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { AUTHORIZATION_MATRIX, ROOT_FIELDS_WITHOUT_A_ROW } from '../src/index.js';

/** The public root fields of the composed supergraph (fields marked @inaccessible are internal). */
function publicRootFields(): string[] {
  const document = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));
  return document.definitions
    .filter(
      (d): d is ObjectTypeDefinitionNode =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation', 'Subscription'].includes(d.name.value),
    )
    .flatMap((type) =>
      (type.fields ?? [])
        .filter((f) => !f.directives?.some((d) => d.name.value === 'inaccessible'))
        .map((f) => `${type.name.value}.${f.name.value}`),
    );
}

describe('the authorization matrix covers the schema', () => {
  it('has a row for every public root field, or names it as one that needs none', () => {
    const fields = publicRootFields();
    expect(fields.length).toBeGreaterThan(50);
    const uncovered = fields.filter((f) => !AUTHORIZATION_MATRIX[f] && !ROOT_FIELDS_WITHOUT_A_ROW[f]);
    expect(uncovered).toEqual([]);
  });

  it('names only fields the schema has, and none both with and without a row', () => {
    const fields = new Set(publicRootFields());
    const rootRows = Object.keys(AUTHORIZATION_MATRIX).filter((c) => /^(Query|Mutation|Subscription)\./.test(c));
    expect([...rootRows, ...Object.keys(ROOT_FIELDS_WITHOUT_A_ROW)].filter((c) => !fields.has(c))).toEqual([]);
    expect(Object.keys(ROOT_FIELDS_WITHOUT_A_ROW).filter((c) => AUTHORIZATION_MATRIX[c])).toEqual([]);
  });
});
