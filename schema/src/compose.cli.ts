import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { compose, SCHEMA_DIR } from './compose.js';

/** Regenerates schema/<subgraph>.graphql and schema/supergraph.graphql. */
const { subgraphs, supergraph } = await compose();
for (const { name, sdl } of subgraphs) writeFileSync(join(SCHEMA_DIR, `${name}.graphql`), `${sdl.trimEnd()}\n`);
writeFileSync(join(SCHEMA_DIR, 'supergraph.graphql'), `${supergraph.trimEnd()}\n`);
console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
