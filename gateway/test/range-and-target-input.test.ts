import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Input that used to be stored or bent without a word (issue 12, items 12, 16 and 17), through the
 * gateway: grants to segments and dealers that do not exist, category limits for a non-dealer,
 * documented ranges clamped instead of refused, and unbounded catalog searches.
 */
let stack: TestStack;
let db: pg.Client;
let director: GraphQLClient;
let dealer: GraphQLClient;
let sku: string;

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
const GRANT = 'mutation($i: AssortmentGrantInput!) { grantProductAccess(input: $i) { changed userErrors { code field } } }';

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  director = await stack.loginAs('director@demo.staff');
  dealer = await stack.loginAs('platinum@demo.dealer');
  sku = (await director.data('{ products(first: 1) { nodes { sku } } }')).products.nodes[0].sku;
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('grantProductAccess names someone that exists', () => {
  it.each([
    ['TIER', 'platinum', 'UNKNOWN_SEGMENT'],
    ['TIER', 'DIAMOND', 'UNKNOWN_SEGMENT'],
    ['REGION', 'Atlantis', 'UNKNOWN_SEGMENT'],
    ['DEALER', '00000000-0000-4000-8000-000000000000', 'UNKNOWN_DEALER'],
    ['DEALER', 'not-an-id', 'UNKNOWN_DEALER'],
  ])('refuses %s %j and stores nothing', async (scope, value, code) => {
    const before = await count('select count(*) n from products.assortment_grant');
    const result = await director.request(GRANT, { i: { skus: [sku], scope, value } });
    expect(result.errors).toBeUndefined();
    expect(result.data.grantProductAccess).toEqual({ changed: 0, userErrors: [{ code, field: ['input', 'value'] }] });
    expect(await count('select count(*) n from products.assortment_grant')).toBe(before);
  });

  it('still grants to a tier and a region dealers have', async () => {
    for (const [scope, value] of [
      ['TIER', 'PLATINUM'],
      ['REGION', 'West'],
    ]) {
      const result = await director.request(GRANT, { i: { skus: [sku], scope, value } });
      expect(result.data.grantProductAccess.userErrors).toEqual([]);
    }
  });
});

describe('setDealerCategoryLimits', () => {
  it('refuses limits for an id that names no dealer (a staff user) and stores nothing', async () => {
    const staffId = (await director.data('{ me { id } }')).me.id;
    const categoryId = (await director.data('{ categories { id } }')).categories[0].id;
    const before = await count('select count(*) n from products.dealer_category_limit');
    const result = await director.request(
      'mutation($d: ID!, $c: [ID!]!) { setDealerCategoryLimits(dealerId: $d, categoryIds: $c) { categoryIds userErrors { code field } } }',
      { d: staffId, c: [categoryId] },
    );
    expect(result.data.setDealerCategoryLimits).toEqual({ categoryIds: [], userErrors: [{ code: 'UNKNOWN_DEALER', field: ['dealerId'] }] });
    expect(await count('select count(*) n from products.dealer_category_limit')).toBe(before);
  });
});

describe('documented ranges are refused, not clamped', () => {
  it.each([0, 21, -1])('substitutes(first: %i) is BAD_USER_INPUT', async (first) => {
    const result = await dealer.request('query($s: String!, $f: Int!) { product(sku: $s) { substitutes(first: $f) { sku } } }', {
      s: sku,
      f: first,
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([0, 501])('orderEvents(first: %i) is BAD_USER_INPUT', async (first) => {
    const result = await dealer.request('query($f: Int) { orderEvents(since: "2026-01-01T00:00:00Z", first: $f) { id } }', { f: first });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([0, 367])('dueCalendar(horizonDays: %i) is BAD_USER_INPUT', async (horizonDays) => {
    const result = await dealer.request('query($h: Int!) { creditAccount { dueCalendar(horizonDays: $h) { __typename } } }', {
      h: horizonDays,
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers at the edges of each range', async () => {
    const edges = await dealer.request(
      `query($s: String!) { product(sku: $s) { a: substitutes(first: 1) { sku } b: substitutes(first: 20) { sku } }
        creditAccount { c: dueCalendar(horizonDays: 1) { __typename } d: dueCalendar(horizonDays: 366) { __typename } } }`,
      { s: sku },
    );
    expect(edges.errors).toBeUndefined();
    const events = await dealer.request(
      '{ a: orderEvents(since: "2026-01-01T00:00:00Z", first: 1) { id } b: orderEvents(since: "2026-01-01T00:00:00Z", first: 500) { id } }',
    );
    expect(events.errors).toBeUndefined();
  });
});

describe('catalog search is bounded', () => {
  it('refuses a 2,000-word search (length) and a 21-word one (words), with BAD_USER_INPUT', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `bolt${i}`).join(' ');
    const query = 'query($s: String) { products(first: 5, filter: { search: $s }) { totalCount } }';
    const long = await dealer.request(query, { s: words(2000) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG' });
    const many = await dealer.request(query, { s: Array.from({ length: 21 }, () => 'ab').join(' ') });
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const twenty = await dealer.request(query, { s: Array.from({ length: 20 }, () => 'ab').join(' ') });
    expect(twenty.errors).toBeUndefined();
  });
});
