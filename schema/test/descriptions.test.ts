import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type DefinitionNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { SCHEMA_DIR, SUBGRAPHS } from '../src/compose.js';

/** Names in the schema that come from federation itself, not from us. */
const isFederationName = (name: string) => name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');

function undescribed(definition: DefinitionNode): string[] {
  if (!('name' in definition) || !definition.name || isFederationName(definition.name.value)) return [];
  const type = definition.name.value;
  const missing: string[] = [];
  if ('description' in definition && !definition.description && !['Query', 'Mutation', 'Subscription'].includes(type)) missing.push(type);
  if ('fields' in definition) {
    for (const field of definition.fields ?? []) {
      if (isFederationName(field.name.value)) continue;
      if (!field.description) missing.push(`${type}.${field.name.value}`);
      for (const arg of ('arguments' in field ? field.arguments : undefined) ?? []) {
        if (!arg.description) missing.push(`${type}.${field.name.value}(${arg.name.value})`);
      }
    }
  }
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
    for (const value of definition.values ?? []) if (!value.description) missing.push(`${type}.${value.name.value}`);
  }
  return missing;
}

describe('the public schema', () => {
  it.each(SUBGRAPHS.map((s) => s.name))('%s describes every type, field, argument and enum value', (name) => {
    const document = parse(readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8'));
    expect(document.definitions.flatMap(undescribed)).toEqual([]);
  });
});
