import { readFileSync } from 'node:fs';

import { type RunningStack, startStack } from '@dealergraph/launcher';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';
import { createTestDatabase, startTestStack, type TestDatabase, type TestStack } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { MANIFEST_PATH, operationName, type PersistedDocumentsManifest } from '../src/persisted-documents/manifest.js';

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as PersistedDocumentsManifest;
/** The manifest id (`sha256:<hex>`, as codegen wrote it and the apps send it) of the operation of that name. */
const idOf = (name: string) => Object.entries(manifest).find(([, body]) => operationName(body) === name)![0];
const bodyOf = (name: string) => manifest[idOf(name)];

interface Answer {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs any JSON body (documentId, extensions…) to the gateway, as an app would. */
async function post(url: string, body: Record<string, unknown>, token?: string | null): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code;

/** One operation over a graphql-ws client: its last result (or the error list the server sent). */
function overSocket(client: Client, payload: Record<string, unknown>): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let result: Answer = { status: 0 };
    client.subscribe(payload as never, {
      next: (r) => (result = { status: 0, ...(r as object) }),
      error: (e) => (Array.isArray(e) ? resolve({ status: 0, errors: e }) : reject(e)),
      complete: () => resolve(result),
    });
  });
}

describe('persisted documents required (production, PERSISTED_DOCUMENTS_REQUIRED)', () => {
  let database: TestDatabase;
  let stack: RunningStack;
  let keys: { privateKey: string; publicKey: string };
  let dealerToken: string;

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    keys = await generateSigningKeys();
    stack = await startStack({
      databaseUrl: database.url,
      gatewayPort: 0,
      gatewayHost: '127.0.0.1',
      ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0 },
      seed: false,
      production: true,
      gatewaySecurity: { persistedDocumentsRequired: true },
      jwtPrivateKey: keys.privateKey,
      jwtPublicKey: keys.publicKey,
      logLevel: 'error',
      poolSize: 4,
    });
    const signIn = await post(stack.gatewayUrl, {
      documentId: idOf('SignIn'),
      variables: { email: 'platinum@demo.dealer', password: 'demo-pass-2026' },
    });
    dealerToken = signIn.data.login.accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it("runs the apps' operations by documentId and by Apollo's persistedQuery hash", async () => {
    expect(dealerToken).toMatch(/^ey/);
    const mine = await post(stack.gatewayUrl, { documentId: idOf('MyDealer') }, dealerToken);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.me.dealer.name).toBe('Demo Platinum Dealer');
    const page = await post(
      stack.gatewayUrl,
      {
        variables: { first: 3, quantity: 10 },
        extensions: { persistedQuery: { version: 1, sha256Hash: idOf('CatalogPage').slice('sha256:'.length) } },
      },
      dealerToken,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.products.nodes).toHaveLength(3);
    expect(page.data.products.nodes[0].price.unitPrice.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('refuses an unknown id, and a request with neither id nor query', async () => {
    const unknown = await post(stack.gatewayUrl, { documentId: 'f'.repeat(64) }, dealerToken);
    expect(unknown.data ?? null).toBeNull();
    expect(codeOf(unknown)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    const empty = await post(stack.gatewayUrl, { variables: {} }, dealerToken);
    expect(codeOf(empty)).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it("refuses documents sent as text, even the apps' own, from dealers and anonymous callers", async () => {
    for (const [body, token] of [
      [{ query: '{ me { email } }' }, dealerToken],
      [{ query: bodyOf('MyDealer') }, dealerToken],
      [{ query: bodyOf('SignIn'), variables: { email: 'platinum@demo.dealer', password: 'demo-pass-2026' } }, null],
    ] as const) {
      const answer = await post(stack.gatewayUrl, body, token);
      expect(answer.data ?? null).toBeNull();
      expect(codeOf(answer)).toBe('PERSISTED_DOCUMENT_REQUIRED');
      expect(answer.status).toBe(400);
    }
  });

  it('lets an API client (its token signed by the graph) send a document of its own', async () => {
    const sign = async (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setSubject('00000000-0000-4000-8000-000000000001')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(await importPKCS8(keys.privateKey, ACCESS_TOKEN_ALGORITHM));
    const query = { query: '{ products(first: 1) { totalCount } }' };
    const client = await post(stack.gatewayUrl, query, await sign({ role: 'API_CLIENT', cid: 'partner-1', scopes: ['catalog:read'] }));
    // Past the persisted-documents check; what the client may then read is the API clients' own rules.
    expect(codeOf(client)).not.toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(client.errors?.[0]?.message ?? '').not.toMatch(/published operations/);
    // The same document from a person's token, or from a token that only claims the kind, is refused.
    expect(codeOf(await post(stack.gatewayUrl, query, dealerToken))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(codeOf(await post(stack.gatewayUrl, query, await sign({ role: 'API_CLIENT' })))).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('applies over graphql-ws too: as text it is refused (the socket stays), by id it runs', async () => {
    let closed: number | undefined;
    const socket = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${dealerToken}` },
      retryAttempts: 0,
      // One socket for both operations: a refusal must not close it (graphql-ws closes with 4500 on a throw).
      lazy: false,
      on: { closed: (event) => (closed = (event as { code: number }).code) },
    });
    try {
      const asText = await overSocket(socket, { query: '{ me { email } }' });
      expect(asText.data ?? null).toBeNull();
      expect(codeOf(asText)).toBe('PERSISTED_DOCUMENT_REQUIRED');
      const byId = await overSocket(socket, { query: '', documentId: idOf('MyDealer') });
      expect(byId.errors).toBeUndefined();
      expect(byId.data.me.email).toBe('platinum@demo.dealer');
      expect(closed).toBeUndefined();
    } finally {
      await socket.dispose();
    }
  });
});

describe('persisted documents in demo mode (the setting is ignored)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { persistedDocumentsRequired: true } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('accepts documents as text and by id alike', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    expect((await dealer.data('{ me { email } }')).me.email).toBe('platinum@demo.dealer');
    const byId = await post(stack.gatewayUrl, { documentId: idOf('MyDealer') }, dealer.accessToken);
    expect(byId.data.me.dealer.name).toBe('Demo Platinum Dealer');
    expect(codeOf(await post(stack.gatewayUrl, { documentId: 'f'.repeat(64) }, dealer.accessToken))).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });
});
