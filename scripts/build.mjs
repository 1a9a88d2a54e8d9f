// Ahead-of-time build for `npm start` (its `prestart`): every workspace's src/**/*.ts to <workspace>/dist/**/*.js
// with source maps, so the service processes load plain JavaScript instead of compiling TypeScript
// through swc-node's loader hooks on every start. Plain JavaScript itself, so it runs before anything is built.
//
// The transform is swc-node's, as `node --import @swc-node/register/esm-register` applies it with
// tsconfig.base.json: legacy decorators with their design-type metadata (type-graphql and MikroORM read
// it), class fields assigned in the constructor (useDefineForClassFields false), ES2022, ES modules.
//
// The dealer web app (client/web, a Vite project) is built with Vite into client/web/dist, which the gateway
// serves at /; it has a fingerprint of its own, so a change to a service does not rebuild it, nor the reverse.
//
// Usage: node scripts/build.mjs [--force] [--only=web|services]. Skips the work when no source changed since the last build.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib, { brotliCompress, gzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', 'build-stamp.json');
const LOCK = join(ROOT, 'dist', 'build.lock');
const WEB = join(ROOT, 'client', 'web');
const WEB_STAMP = join(ROOT, 'dist', 'web-build-stamp.json');

/** The workspaces of the root package.json ("dir/*" or "dir") that have a src/ folder. */
function workspaces() {
  const patterns = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).workspaces;
  const dirs = patterns.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern],
  );
  // A Vite project (the web app) is built by Vite, below, not file by file.
  return dirs.filter((dir) => existsSync(join(ROOT, dir, 'src')) && !existsSync(join(ROOT, dir, 'vite.config.ts')));
}

function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What the build depends on: every source file (path, size, mtime), this script, the compiler settings. */
function fingerprint(sources) {
  const hash = createHash('sha256');
  for (const file of [...sources, fileURLToPath(import.meta.url), join(ROOT, 'tsconfig.base.json')]) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const SWC_OPTIONS = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    experimental: { keepImportAttributes: true },
  },
  module: { type: 'es6' },
  isModule: true,
  sourceMaps: true,
  inlineSourcesContent: false,
  swcrc: false,
};

async function compileFile(transform, workspace, source) {
  const rel = relative(join(ROOT, workspace, 'src'), source);
  const target = join(ROOT, workspace, 'dist', rel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  const output = await transform(readFileSync(source, 'utf8'), {
    ...SWC_OPTIONS,
    filename: source,
    sourceFileName: relative(dirname(target), source),
  });
  writeFileSync(target, `${output.code}\n//# sourceMappingURL=${basename(target)}.map\n`);
  writeFileSync(`${target}.map`, output.map);
}

/** One build at a time (two `npm start`s, or a test and a user): the second waits, then finds it done. */
async function withLock(work) {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than two minutes was left by a build that died.
      if (Date.now() > deadline || Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 120_000) rmSync(LOCK, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/**
 * Every export of a built workspace must name its dist/ file under the `dealergraph-compiled`
 * condition: a plain "./src/x.ts" would make the compiled services load TypeScript that Node cannot run
 * (decorators). Stops the build with the fix rather than failing later at start.
 */
function checkExports(workspace) {
  const { exports } = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8'));
  if (!exports)
    throw new Error(`${workspace}/package.json: add "exports" with the dealergraph-compiled condition (see packages/runtime/package.json)`);
  for (const [subpath, target] of Object.entries(exports)) {
    const expected = typeof target === 'string' ? target.replace('./src/', './dist/').replace(/\.ts$/, '.js') : undefined;
    if (typeof target !== 'object' || typeof target['dealergraph-compiled'] !== 'string') {
      throw new Error(
        `${workspace}/package.json: export "${subpath}" needs { "dealergraph-compiled": "${expected ?? './dist/….js'}", "default": ${JSON.stringify(target)} }`,
      );
    }
  }
}

async function build(force) {
  const started = Date.now();
  const units = workspaces().map((workspace) => ({ workspace, sources: sourcesUnder(join(ROOT, workspace, 'src')) }));
  for (const { workspace } of units) checkExports(workspace);
  const print = fingerprint(units.flatMap((unit) => unit.sources));
  const previous = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')).fingerprint : undefined;
  if (!force && previous === print) return;
  // Whole workspaces are rebuilt, so a deleted or renamed source leaves no stale module behind.
  // Loaded only when there is work: the native compiler takes a while to load on a busy machine.
  const { transform } = await import('@swc/core');
  for (const { workspace } of units) rmSync(join(ROOT, workspace, 'dist'), { recursive: true, force: true });
  const jobs = units.flatMap(({ workspace, sources }) => sources.map((source) => () => compileFile(transform, workspace, source)));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
  writeFileSync(STAMP, JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString(), files: jobs.length }, null, 2));
  console.log(`[dealergraph] compiled ${jobs.length} TypeScript files to JavaScript in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every file the web app's bundle depends on: its sources, its config, the generated operations, the lock file. */
function webInputs() {
  const under = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true, recursive: true })
          .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
          .map((entry) => join(entry.parentPath, entry.name))
      : [];
  return [
    ...under(join(WEB, 'src')),
    ...under(join(WEB, 'public')),
    ...under(join(ROOT, 'client', 'generated')),
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((name) => join(WEB, name)),
    join(ROOT, 'package-lock.json'),
    // How it is built, too (a change here must not leave an old bundle in place).
    join(ROOT, 'scripts', 'build.mjs'),
  ]
    .filter((file) => existsSync(file))
    .sort();
}

/**
 * Brotli (at its best) and gzip copies beside each text file of the bundle, which the gateway serves
 * by Accept-Encoding (gateway/src/web/web-app.ts): compressed once per build, not by every gateway at
 * start. Source maps are left to the gateway (compressed on request; only developer tools fetch them).
 */
async function precompress(dir) {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(html|js|mjs|css|json|webmanifest|svg|txt|ico)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size > 512);
  await Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(file);
      writeFileSync(`${file}.br`, await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${file}.gz`, await gzipped(raw, { level: 9 }));
    }),
  );
}

async function buildWeb(force) {
  if (!existsSync(join(WEB, 'vite.config.ts'))) return;
  const started = Date.now();
  const print = fingerprint(webInputs());
  const previous = existsSync(WEB_STAMP) ? JSON.parse(readFileSync(WEB_STAMP, 'utf8')).fingerprint : undefined;
  if (!force && previous === print && existsSync(join(WEB, 'dist', 'index.html'))) return;
  const { build: vite } = await import('vite');
  // React's production build whoever runs this: under vitest (NODE_ENV=test, the browser tests build
  // through this script) Vite would bundle React's development build, three times the script, and the
  // dist it leaves is the one npm start then serves.
  process.env.NODE_ENV = 'production';
  await vite({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  await precompress(join(WEB, 'dist'));
  mkdirSync(dirname(WEB_STAMP), { recursive: true });
  writeFileSync(WEB_STAMP, JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString() }, null, 2));
  console.log(`[dealergraph] built the web app (client/web/dist) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const force = process.argv.includes('--force');
await withLock(async () => {
  if (only !== 'web') await build(force);
  if (only !== 'services') await buildWeb(force);
});
