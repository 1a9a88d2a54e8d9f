import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { type GraphQLClient, type GraphQLResponse, startTestStack, type TestStack } from '@dealergraph/testing';
import { buildASTSchema, parse } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BAD_INPUT_TABLE, EXEMPT, type FieldKind, type TableContext } from './support/bad-input-table.js';

/**
 * Walks the bad-input table (support/bad-input-table.ts) through the real gateway: every field of
 * every mutation that takes input gets each bad value of its kind. Every answer is coded (never
 * INTERNAL_SERVER_ERROR, never an uncoded error); every refusal leaves the listed tables as they
 * were; the values marked `refuse` are refused. Specific codes are asserted in the focused tests
 * (input-guard, ledger-input, range-and-target-input).
 */
interface BadValue {
  label: string;
  value: unknown;
  /** Must be refused (an error or a userError); otherwise the answer only has to be coded. */
  refuse: boolean;
}

const bad = (label: string, value: unknown, refuse = true): BadValue => ({ label, value, refuse });
const HUGE = 'x'.repeat(100_000);
const TEXT: BadValue[] = [
  bad('empty', '', false),
  bad('whitespace', '   \u00A0 ', false),
  bad('NUL', 'a\u0000b'),
  bad('bell and escape', 'a\u0007\u001Bb'),
  bad('direction override', 'ab\u202Ecd'),
  bad('lone surrogate', 'ab\uD800'),
  bad('Cyrillic lookalike', 'Аdmin-РО', false),
  bad('fullwidth lookalike', 'ＡＢＣ１２３', false),
  bad('100 KB', HUGE),
  bad('a number instead', 12345),
];
/**
 * One item more than the largest list any input allows (packages/runtime/src/graphql/input-rules.ts:
 * 10,000 order lines): past every bound, and no bigger, since each copy costs parsing at every hop. A
 * bound raised above it shows here as "accepted".
 */
const TOO_MANY = 10_001;

const BAD_VALUES: Record<FieldKind, BadValue[]> = {
  text: TEXT,
  id: [bad('empty', '', false), bad('not a uuid', 'not-a-uuid', false), bad('NUL', '\u0000'), bad('10 KB', 'x'.repeat(10_000))],
  int: [
    bad('fractional', 1.5),
    bad('2^31', 2 ** 31),
    bad('2^53', 2 ** 53),
    bad('negative', -1, false),
    bad('zero', 0, false),
    bad('text', '1'),
  ],
  amount: [
    bad('empty', ''),
    bad('NaN', 'NaN'),
    bad('three decimals', '0.001'),
    bad('Arabic digits', '١٢.٠٠'),
    bad('exponent', '1e5', false),
    bad('thousands separator', '1,000.00', false),
    bad('negative zero', '-0.00', false),
    bad('30 digits', '999999999999999999999999999999.99'),
    bad('NUL', '1\u0000'),
  ],
  date: [
    bad('year 0001', '0001-01-01T00:00:00Z'),
    bad('year 9999', '9999-12-31T23:59:59Z'),
    bad('30 February', '2026-02-30T00:00:00Z'),
    bad('words', 'yesterday'),
  ],
  bool: [bad('a string', 'yes'), bad('a number', 1)],
  enum: [bad('unknown', 'NOT_A_VALUE'), bad('lower case', 'platinum')],
  textList: [
    bad('empty list', [], false),
    bad(
      `${TOO_MANY} items`,
      Array.from({ length: TOO_MANY }, (_, i) => `S-${i}`),
    ),
    bad('NUL item', ['\u0000']),
  ],
  idList: [
    bad('empty list', [], false),
    bad(
      `${TOO_MANY} items`,
      Array.from({ length: TOO_MANY }, () => randomUUID()),
    ),
    bad('NUL item', ['\u0000']),
  ],
  objectList: [bad(`${TOO_MANY} copies`, null), bad('not a list', 'x')],
};

/**
 * Errors that mean "we broke" (or blame a service for the caller's input, as a NUL byte in addToCart
 * once did with "The catalog did not answer in time"): none may appear.
 */
const UNEXPECTED = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SERVICE_UNAVAILABLE']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], target);
}

function refused(result: GraphQLResponse): boolean {
  if (result.errors?.length) return true;
  const payload = Object.values(result.data ?? {})[0] as { userErrors?: unknown[] } | null;
  return !!payload?.userErrors?.length;
}

let stack: TestStack;
let db: pg.Client;
const clients = new Map<string | null, GraphQLClient>();
let ctx: TableContext;

beforeAll(async () => {
  stack = await startTestStack({ gatewaySecurity: { signInBurst: 100_000, signInPerMinute: 1_000_000 } });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  clients.set(null, stack.client());
  for (const email of new Set(Object.values(BAD_INPUT_TABLE).map((e) => e.as))) {
    if (email) clients.set(email, await stack.loginAs(email));
  }
  const platinum = clients.get('platinum@demo.dealer')!;
  ctx = {
    dealerId: (await platinum.data('{ me { dealer { id } } }')).me.dealer.id,
    sku: (await platinum.data('{ products(first: 1) { nodes { sku } } }')).products.nodes[0].sku,
    unique: () => randomUUID(),
  };
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

async function counts(tables: string[]): Promise<number[]> {
  const { rows } = await db.query<{ n: string }>(
    tables.map((t) => `select count(*) n from ${t.replace(/^(\w+)\.(\w+)$/, '"$1"."$2"')}`).join(' union all '),
  );
  return rows.map((r) => Number(r.n));
}

describe('the bad-input table', () => {
  it('has an entry (or a documented exemption) for every mutation of the composed supergraph', () => {
    const supergraph = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
    const schema = buildASTSchema(parse(supergraph), { assumeValid: true, assumeValidSDL: true });
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    const covered = [...Object.keys(BAD_INPUT_TABLE), ...Object.keys(EXEMPT)].sort();
    expect(mutations.filter((m) => !covered.includes(m))).toEqual([]);
    // And nothing stale: every entry names a mutation that exists.
    expect(covered.filter((m) => !mutations.includes(m))).toEqual([]);
  });

  for (const [mutation, entry] of Object.entries(BAD_INPUT_TABLE)) {
    it(`${mutation}: every bad value gets a coded answer, and a refusal writes nothing`, async () => {
      const client = clients.get(entry.as)!;
      const problems: string[] = [];
      for (const [path, kind] of Object.entries(entry.fields)) {
        for (const { label, value, refuse } of BAD_VALUES[kind]) {
          const variables = entry.variables(ctx);
          // A long list of copies of the base's own first item: the list bound, not the item, is tested.
          const spoilt = value === null ? Array.from({ length: TOO_MANY }, () => (getPath(variables, path) as unknown[])[0]) : value;
          setPath(variables, path, spoilt);
          const before = await counts(entry.tables);
          const result = await client.request(entry.document, variables);
          const where = `${path} ${label}`;
          for (const error of result.errors ?? []) {
            const code = error.extensions?.code as string | undefined;
            if (!code || UNEXPECTED.has(code)) problems.push(`${where}: ${code ?? 'no code'}: ${error.message}`);
          }
          if (!result.errors?.length && !result.data) problems.push(`${where}: no data and no error (HTTP ${result.status})`);
          if (refuse && !refused(result)) problems.push(`${where}: accepted`);
          if (refused(result) && JSON.stringify(await counts(entry.tables)) !== JSON.stringify(before)) {
            problems.push(`${where}: refused, but ${entry.tables.join(', ')} changed`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
