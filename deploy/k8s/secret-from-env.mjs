// Prints the Kubernetes Secret `dealergraph-secrets` (JSON, which kubectl reads) from the env file
// `npm run secrets` writes, plus DATABASE_URL and REDIS_URL (from that file or the environment):
//   npm run secrets -- --out /secure/dealergraph.env
//   DATABASE_URL=postgres://… REDIS_URL=redis://… node deploy/k8s/secret-from-env.mjs /secure/dealergraph.env | kubectl apply -f -
// The values go straight to kubectl; nothing is written to disk or printed to a terminal unless you
// redirect it. The PEM keys keep their new lines (the env file's "\n" escapes are read as Node reads them).
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const KEYS = ['DATABASE_URL', 'REDIS_URL', 'GATEWAY_HMAC_SECRET', 'INTERNAL_SERVICE_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY'];
// Web push's VAPID pair: taken when the file has it (npm run secrets writes it), never required.
const OPTIONAL_KEYS = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'];
const file = process.argv[2];
if (!file) {
  console.error('usage: node deploy/k8s/secret-from-env.mjs <env file written by npm run secrets>');
  process.exit(64);
}
const values = { ...parseEnv(readFileSync(file, 'utf8')), ...process.env };
const missing = KEYS.filter((key) => !values[key]);
if (missing.length) {
  console.error(`missing ${missing.join(', ')}: set them in ${file} or in the environment`);
  process.exit(1);
}
const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'dealergraph-secrets', labels: { 'app.kubernetes.io/part-of': 'dealergraph' } },
  type: 'Opaque',
  stringData: Object.fromEntries([...KEYS, ...OPTIONAL_KEYS.filter((key) => values[key])].map((key) => [key, values[key]])),
};
process.stdout.write(`${JSON.stringify(secret, null, 2)}\n`);
