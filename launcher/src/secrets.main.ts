import { chmodSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { configOrExit } from '@dealergraph/runtime/config';

import { envFilePath } from './config.js';
import { generateSecrets, OPTIONAL_SECRET_NAMES, renderEnvFile, SECRET_NAMES } from './production/secrets.js';

/**
 * `npm run secrets`: writes the production env file (.env, or ENV_FILE, or --out) with fresh secrets
 * and an ES256 key pair, readable by its owner only. Never prints a secret. An existing file is kept
 * unless --force: replacing the keys signs every user out.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
const path = values.out ?? configOrExit('secrets', () => envFilePath());
const text = renderEnvFile(await generateSecrets(), new Date());
try {
  writeFileSync(path, text, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
  chmodSync(path, 0o600);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  console.error(
    `${path} exists already and was left as it is: its keys sign the tokens and sessions in use. ` +
      'To replace them (every user is signed out), run again with -- --force.',
  );
  process.exit(1);
}
console.log(`Wrote ${path} (readable by you only) with NODE_ENV=production, ${[...SECRET_NAMES, ...OPTIONAL_SECRET_NAMES].join(', ')}.`);
console.log('Next: npm run admin:create -- --email you@example.com, then npm start. See docs/PRODUCTION.md.');
