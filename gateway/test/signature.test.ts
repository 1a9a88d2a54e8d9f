import { newEnvelope, signRequest } from '@dealergraph/runtime';
import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Sends a request straight to a subgraph, as an attacker on the network (or a buggy client) would. */
async function direct(url: string, body: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({}))) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return { status: response.status, ...json };
}

/** A body signed exactly as the gateway signs it (shared function), with a fresh timestamp and nonce unless given. */
function signed(secret: string, query: string, variables: Record<string, unknown> | undefined, payload?: unknown, at = Date.now()) {
  const jwt = payload ? { payload } : undefined;
  return {
    query,
    variables,
    extensions: signRequest({ query, variables, jwt }, secret, newEnvelope({ ip: '127.0.0.1', userAgent: 'test' }, at)),
  };
}

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Dealer { id } } }';

describe('subgraphs answer only the gateway', () => {
  let stack: TestStack;
  let bronzeClaims: Record<string, unknown>;
  let platinumDealerId: string;
  beforeAll(async () => {
    stack = await startTestStack();
    const bronze = await stack.loginAs('bronze@demo.dealer');
    bronzeClaims = JSON.parse(Buffer.from(bronze.accessToken!.split('.')[1], 'base64url').toString());
    const platinum = await stack.loginAs('platinum@demo.dealer');
    platinumDealerId = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses unsigned requests on every subgraph, _service and _entities included', async () => {
    for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
      for (const query of ['{ _service { sdl } }', '{ __typename }']) {
        const result = await direct(subgraph.url, { query });
        expect(result.status, `${name}: ${query}`).toBe(401);
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('UNSIGNED_REQUEST');
      }
      const entities = await direct(subgraph.url, { query: ENTITIES, variables: { r: [{ __typename: 'Dealer', id: platinumDealerId }] } });
      expect(entities.status, name).toBe(401);
      expect(entities.data ?? null).toBeNull();
    }
  });

  it('refuses a signature made with another secret, and a signed body whose claims were swapped', async () => {
    const credit = stack.subgraphs.credit.url;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dealer { credit { limit { amount } } } } }';
    const variables = { r: [{ __typename: 'Dealer', id: platinumDealerId }] };
    expect((await direct(credit, signed('not-the-secret', query, variables, bronzeClaims))).status).toBe(401);

    const genuine = signed(stack.hmacSecret, query, variables, bronzeClaims);
    const swapped = {
      ...genuine,
      extensions: { ...genuine.extensions, jwt: { payload: { ...bronzeClaims, role: 'ADMIN', dealerId: null } } },
    };
    expect((await direct(credit, swapped)).status).toBe(401);
  });

  it("gives a dealer nothing of another dealer's through _entities, even when correctly signed", async () => {
    const variables = { r: [{ __typename: 'Dealer', id: platinumDealerId }] };
    const credit = await direct(
      stack.subgraphs.credit.url,
      signed(
        stack.hmacSecret,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dealer { credit { limit { amount } } } } }',
        variables,
        bronzeClaims,
      ),
    );
    expect(credit.status).toBe(200);
    expect(credit.data?._entities).toEqual([null]);

    const dealers = await direct(
      stack.subgraphs.dealers.url,
      signed(
        stack.hmacSecret,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dealer { name } } }',
        variables,
        bronzeClaims,
      ),
    );
    expect(dealers.data?._entities).toEqual([null]);

    const platinum = await stack.loginAs('platinum@demo.dealer');
    const orderId = (await platinum.data('{ orders(first: 1) { nodes { id } } }')).orders.nodes[0].id;
    const orders = await direct(
      stack.subgraphs.orders.url,
      signed(
        stack.hmacSecret,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { number total { amount } } } }',
        { r: [{ __typename: 'Order', id: orderId }] },
        bronzeClaims,
      ),
    );
    expect(orders.data?._entities).toEqual([null]);

    // The same signed request with the owner's claims does get the data: the refusal above is the check, not a broken query.
    const own = await direct(
      stack.subgraphs.credit.url,
      signed(
        stack.hmacSecret,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dealer { credit { limit { amount } } } } }',
        variables,
        {
          ...bronzeClaims,
          dealerId: platinumDealerId,
        },
      ),
    );
    expect(own.data?._entities).toEqual([{ credit: { limit: { amount: '250000.00' } } }]);
  });

  it('refuses a replayed signed request and a stale one, each with a clear code, and runs neither', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dealer { name } } }';
    const variables = { r: [{ __typename: 'Dealer', id: platinumDealerId }] };
    const platinumClaims = { ...bronzeClaims, dealerId: platinumDealerId };
    const captured = signed(stack.hmacSecret, query, variables, platinumClaims);
    const first = await direct(stack.subgraphs.dealers.url, captured);
    expect(first.data?._entities).toEqual([{ name: 'Demo Platinum Dealer' }]);
    const replayed = await direct(stack.subgraphs.dealers.url, captured);
    expect(replayed.status).toBe(401);
    expect(replayed.data ?? null).toBeNull();
    expect(replayed.errors?.[0].extensions?.code).toBe('UNSIGNED_REQUEST');
    expect((replayed.errors?.[0] as { message: string }).message).toMatch(/already answered/);

    const stale = await direct(
      stack.subgraphs.dealers.url,
      signed(stack.hmacSecret, query, variables, platinumClaims, Date.now() - 5 * 60_000),
    );
    expect(stale.status).toBe(401);
    expect((stale.errors?.[0] as { message: string }).message).toMatch(/too old/);
  });

  it('keeps the internal session check out of the public graph', async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const result = await platinum.request('{ sessionAccess(id: "00000000-0000-4000-8000-000000000000", ip: "127.0.0.1") }');
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/sessionAccess/);
  });
});
