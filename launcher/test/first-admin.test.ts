import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

import { createFirstAdmin, toolingDefinition } from '@dealergraph/dealers';
import { migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { createTestDatabase, GraphQLClient, type TestDatabase } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningStack, startStack } from '../src/stack.js';

/**
 * From an empty database to a signed-in administrator, as an operator does it: `npm run secrets`,
 * `npm run admin:create`, the graph in production mode with those secrets, sign-in through the
 * gateway with the mandatory two-factor enrolment. The commands run as their own processes.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function runCommand(script: string, args: string[], env: Record<string, string>, stdin = '') {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.stdin.end(stdin);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

async function admins(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`select email from dealers.user_account where role = 'ADMIN' order by email`)).rows.map((r) => r.email);
  } finally {
    await client.end();
  }
}

const PASSWORD = 'first-admin-password-2026';
const LOGIN =
  'mutation($e: String!, $p: String!, $otp: String) { login(email: $e, password: $p, otp: $otp) { accessToken userErrors { code } } }';

describe('first administrator and production start', () => {
  let database: TestDatabase;
  let stack: RunningStack | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'dg-first-admin-'));
  const envFile = join(dir, '.env');

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('writes fresh secrets once, creates the first admin once, and that admin signs in through the gateway', async () => {
    const secrets = await runCommand('launcher/src/secrets.main.ts', ['--out', envFile], {});
    expect(secrets.code, secrets.out).toBe(0);
    const text = readFileSync(envFile, 'utf8');
    const values = parseEnv(text);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    // Nothing secret is printed.
    for (const key of ['GATEWAY_HMAC_SECRET', 'INTERNAL_SERVICE_SECRET', 'JWT_PRIVATE_KEY'] as const)
      expect(secrets.out).not.toContain(values[key]!.slice(0, 20));
    // A second run keeps the keys in use.
    const again = await runCommand('launcher/src/secrets.main.ts', ['--out', envFile], {});
    expect(again.code).toBe(1);
    expect(readFileSync(envFile, 'utf8')).toBe(text);

    const env = { DATABASE_URL: database.url, ENV_FILE: envFile };
    const created = await runCommand('launcher/src/admin-create.main.ts', ['--email', 'IT@Distributor.example'], env, `${PASSWORD}\n`);
    expect(created.code, created.out).toBe(0);
    expect(created.out).toContain('Next:');
    expect(created.out).not.toContain(PASSWORD);
    const second = await runCommand('launcher/src/admin-create.main.ts', ['--email', 'other@distributor.example'], env, `${PASSWORD}\n`);
    expect(second.code).toBe(1);
    expect(second.out).toContain('ADMIN_EXISTS');
    expect(second.out).toContain('--additional');
    expect(second.out).not.toMatch(/\n\s+at /);
    expect(await admins(database.url)).toEqual(['it@distributor.example']);

    stack = await startStack({
      databaseUrl: database.url,
      gatewayPort: 0,
      gatewayHost: '127.0.0.1',
      ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0, integration: 0 },
      seed: false,
      production: true,
      hmacSecret: values.GATEWAY_HMAC_SECRET,
      internalKey: values.INTERNAL_SERVICE_SECRET,
      jwtPrivateKey: values.JWT_PRIVATE_KEY,
      jwtPublicKey: values.JWT_PUBLIC_KEY,
      mfaPolicy: { staffMfaRequired: true },
      // The web app sends persisted documents; this test speaks GraphQL text as an operator's script would.
      gatewaySecurity: { persistedDocumentsRequired: false },
      logLevel: 'error',
      poolSize: 2,
    });
    const client = new GraphQLClient(stack.gatewayUrl);
    const wrong = (await client.data(LOGIN, { e: 'it@distributor.example', p: 'not-the-password' })).login;
    expect(wrong.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const first = (await client.data(LOGIN, { e: 'it@distributor.example', p: PASSWORD })).login;
    expect(first.userErrors).toEqual([{ code: 'MFA_ENROLMENT_REQUIRED' }]);
    client.accessToken = first.accessToken;
    const begun = (await client.data('mutation { beginMfaEnrolment { secret userErrors { code } } }')).beginMfaEnrolment;
    const totp = new TOTP({ secret: Secret.fromBase32(begun.secret) });
    const confirmed = (
      await client.data('mutation($c: String!) { confirmMfaEnrolment(code: $c) { accessToken userErrors { code } } }', {
        c: totp.generate(),
      })
    ).confirmMfaEnrolment;
    expect(confirmed.userErrors).toEqual([]);
    client.accessToken = confirmed.accessToken;
    expect((await client.data('{ me { email role dealer { id } } }')).me).toEqual({
      email: 'it@distributor.example',
      role: 'ADMIN',
      dealer: null,
    });
    // The administrator can take the next step: invite a colleague.
    const invited = (
      await client.data(
        'mutation { inviteUser(input: { email: "rep@distributor.example", role: SALES_REP }) { invitation { email } userErrors { code } } }',
      )
    ).inviteUser;
    expect(invited.userErrors).toEqual([]);
    // Four commands run as their own processes (each compiles TypeScript on start): slow on a busy machine.
  }, 240_000);

  it('serialises simultaneous runs: one that starts while another holds the lock sees its admin and refuses', async () => {
    const other = await createTestDatabase();
    const orm = await openSubgraphOrm(toolingDefinition, { databaseUrl: other.url, poolSize: 4 });
    const holder = new pg.Client({ connectionString: other.url });
    await holder.connect();
    try {
      await migrate(orm);
      // Another run is mid-way: it holds the lock and has not committed its admin yet.
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtext('dealers.first-admin'))`);
      let settled = false;
      const run = createFirstAdmin(orm.em.fork(), { email: 'b@distributor.example', password: PASSWORD, fullName: 'B', additional: false });
      void run.finally(() => (settled = true));
      // Wait (on the database's own state, not a clock) until this run queues behind the lock.
      const waiting = async () =>
        (
          await holder.query(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
          )
        ).rows[0].n > 0;
      while (!settled && !(await waiting())) await new Promise((resolve) => setImmediate(resolve));
      expect(settled, 'the run did not wait for the one holding the lock').toBe(false);
      await holder.query(
        `insert into dealers.user_account (id, email, full_name, password_hash, role) values (gen_random_uuid(), 'a@distributor.example', 'A', 'x', 'ADMIN')`,
      );
      await holder.query('commit');
      expect(await run).toMatchObject({ ok: false, errors: [{ code: 'ADMIN_EXISTS' }] });
      expect(await admins(other.url)).toEqual(['a@distributor.example']);
    } finally {
      await holder.end();
      await orm.close(true);
      await other.drop();
    }
  });

  it('stops a production start without secrets with one sentence that says what to run, no stack trace', async () => {
    const empty = join(dir, 'empty.env');
    writeFileSync(empty, '');
    const result = await runCommand('launcher/src/main.ts', [], {
      NODE_ENV: 'production',
      ENV_FILE: empty,
      GATEWAY_HMAC_SECRET: '',
      JWT_PRIVATE_KEY: '',
      JWT_PUBLIC_KEY: '',
    });
    expect(result.code).toBe(78);
    expect(result.out).toContain('npm run secrets');
    expect(result.out).toContain('JWT_PRIVATE_KEY');
    expect(result.out).not.toMatch(/\n\s+at /);
  }, 120_000);
});
