import { afterEach, expect } from 'vitest';

import type { TestStack } from './stack.js';

/**
 * The secrets a test run produced, and a scan that fails when any of them was written into a table
 * (the security audit log above all). Every client of a test stack feeds its ledger: the values of
 * secret arguments it sends (by argument name, whether inline, as a variable or inside an input
 * object) and of secret fields it receives. Secrets a test makes without the client (a client secret
 * posted to /oauth/token, a code it computes and sends under another name) it adds with `remember`.
 */

/** Arguments and input fields whose values are secrets. */
const SECRET_ARGUMENTS = new Set([
  'password',
  'newPassword',
  'currentPassword',
  'otp',
  'code',
  'recoveryCode',
  'secret',
  'clientSecret',
  'refreshToken',
  'token',
  'invitationToken',
]);
/** Answer fields whose values are secrets (`code` is not one: error codes and dealer codes are public). */
const SECRET_FIELDS = new Set(['secret', 'clientSecret', 'accessToken', 'refreshToken', 'recoveryCodes', 'invitationToken', 'token']);

/** Shorter values are not kept: they would be found by chance (and no secret of ours is that short). */
const MIN_LENGTH = 6;

export class SecretLedger {
  readonly values = new Set<string>();

  /** Adds secrets; a `<id>.<secret>` refresh token adds its secret half too, which must not leak alone either. */
  remember(...values: unknown[]): void {
    for (const value of values) {
      if (Array.isArray(value)) this.remember(...value);
      else if (typeof value === 'string' && value.length >= MIN_LENGTH) {
        this.values.add(value);
        const half = value.split('.').at(-1);
        if (half && half !== value && half.length >= 16) this.values.add(half);
      }
    }
  }

  /** Takes the secrets out of one GraphQL exchange: its query's inline arguments, its variables and its answer. */
  observe(query: string, variables: Record<string, unknown> | undefined, data: unknown): void {
    for (const [, name, literal] of query.matchAll(/\b(\w+)\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
      if (SECRET_ARGUMENTS.has(name)) this.remember(literal);
    }
    // A variable bound to a secret argument (`confirmMfaEnrolment(code: $c)`) is a secret whatever its own name.
    const bound = new Set([...query.matchAll(/\b(\w+)\s*:\s*\$(\w+)/g)].filter(([, arg]) => SECRET_ARGUMENTS.has(arg)).map(([, , v]) => v));
    for (const [name, value] of Object.entries(variables ?? {})) {
      if (bound.has(name) || SECRET_ARGUMENTS.has(name)) this.remember(value);
      this.walk(value, SECRET_ARGUMENTS);
    }
    this.walk(data, SECRET_FIELDS);
  }

  private walk(value: unknown, names: ReadonlySet<string>): void {
    if (Array.isArray(value)) for (const item of value) this.walk(item, names);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (names.has(key)) this.remember(item);
        this.walk(item, names);
      }
    }
  }
}

/** The secrets of the stack's run found in any column of any row of `table` (each row read whole, as its text form). */
export async function secretsIn(stack: TestStack, table: string): Promise<string[]> {
  const rows = await stack.orms.dealers.em.getConnection().execute<{ row: string }[]>(`select t::text as row from ${table} t`);
  return [...stack.secrets.values].filter((secret) => rows.some((r) => r.row.includes(secret)));
}

/**
 * After each test of the enclosing describe: no secret of the run in any text column of
 * dealers.security_event. `stack` is read when the hook runs (the stack starts in beforeAll).
 */
export function scanSecurityEventsAfterEach(stack: () => TestStack | undefined): void {
  afterEach(async () => {
    const running = stack();
    if (!running) return;
    expect(await secretsIn(running, 'dealers.security_event'), 'secrets written into dealers.security_event').toEqual([]);
  });
}
