import { fileURLToPath } from 'node:url';

/**
 * How this launcher was started, and so how it starts the services. `npm start` builds every workspace
 * to `dist/` first (scripts/build.mjs) and runs `launcher/dist/main.js`: the services then load
 * JavaScript. Run from `launcher/src/main.ts` through swc-node (development, tests of the sources), the
 * services compile their TypeScript on load the same way.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * The package export condition that points each workspace's exports at its `dist/` build
 * (see the workspaces' package.json); TypeScript, vitest and swc-node ignore it and read `src/`.
 */
export const COMPILED_CONDITION = 'dealergraph-compiled';

/** A module of a workspace (`subgraphs/products`, `main`): its built file or its source, as this launcher runs. */
export function moduleOf(workspace: string, name: string): string {
  const path = COMPILED ? `${workspace}/dist/${name}.js` : `${workspace}/src/${name}.ts`;
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url));
}

/** The Node options that load a service's code: the export condition of the build, or swc-node. */
export const LOADER_NODE_ARGS = COMPILED ? [`--conditions=${COMPILED_CONDITION}`] : ['--import', '@swc-node/register/esm-register'];
