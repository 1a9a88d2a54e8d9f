import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { composeServices } from '@apollo/composition';
import type { SubgraphDefinition } from '@dealergraph/runtime';
import { parse } from 'graphql';

/** The subgraphs in contract order, with their default URLs. */
export const SUBGRAPHS = [
  { name: 'dealers', url: 'http://localhost:4001/graphql' },
  { name: 'products', url: 'http://localhost:4002/graphql' },
  { name: 'prices', url: 'http://localhost:4003/graphql' },
  { name: 'credit', url: 'http://localhost:4004/graphql' },
  { name: 'orders', url: 'http://localhost:4005/graphql' },
  { name: 'integration', url: 'http://localhost:4006/graphql' },
] as const;

export const SCHEMA_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface Composition {
  subgraphs: { name: string; sdl: string }[];
  supergraph: string;
  hints: string[];
}

/** Hints we read and accepted; any other hint fails composition, like an error. */
export function acceptedHints(): string[] {
  return JSON.parse(readFileSync(new URL('../accepted-hints.json', import.meta.url), 'utf8')) as string[];
}

async function loadDefinition(name: string): Promise<SubgraphDefinition> {
  const mod = (await import(`@dealergraph/${name}`)) as { toolingDefinition: SubgraphDefinition };
  return mod.toolingDefinition;
}

/** Builds every subgraph's SDL from its code and composes the supergraph in-process. */
export async function compose(): Promise<Composition> {
  const subgraphs = [];
  for (const { name, url } of SUBGRAPHS) {
    const { sdl } = await (await loadDefinition(name)).buildSchema();
    subgraphs.push({ name, url, sdl });
  }
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const hints = result.hints.map((h) => `${h.definition.code}: ${h.message}`);
  const unexpected = hints.filter((h) => !acceptedHints().includes(h));
  if (unexpected.length) {
    throw new Error(`Composition hints nobody accepted (fix them, or add them to schema/accepted-hints.json):\n${unexpected.join('\n')}`);
  }
  return { subgraphs: subgraphs.map(({ name, sdl }) => ({ name, sdl })), supergraph: result.supergraphSdl, hints };
}
