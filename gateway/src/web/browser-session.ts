import type { IncomingMessage, ServerResponse } from 'node:http';

import { newEnvelope, signRequest } from '@dealergraph/runtime';

import { type BucketStore, memoryBucketStore } from '../security/bucket-store.js';
import type { ClientAddress } from '../security/client-address.js';
import type { BucketPolicy } from '../security/token-bucket.js';
import { clearCookie, type CookieSettings, readRefreshCookie, refreshCookie } from './session-cookie.js';

/**
 * Sign-in for browsers, on the gateway's own origin:
 * - `POST /auth/sign-in` `{ email, password, otp? }`: the refresh token goes into an HttpOnly,
 *   SameSite=Strict cookie (see session-cookie.ts); the answer carries the access token only, which
 *   the app keeps in memory. MFA_REQUIRED and MFA_ENROLMENT_REQUIRED come back as userErrors, the
 *   latter with its restricted access token (enrolment only, no cookie).
 * - `POST /auth/refresh`: trades the cookie for a new access token and rotates the cookie. After an
 *   MFA enrolment the app hands over the first refresh token once in the body `{ refreshToken }`.
 * - `POST /auth/sign-out`: ends the session and clears the cookie.
 * Every route is a POST with the header `x-dealergraph-csrf: 1` (a custom header: a cross-site form
 * cannot send it, and a cross-site fetch with it needs a preflight this gateway never grants), and an
 * Origin, when the browser sends one, equal to this gateway's. Apps and partners keep Bearer tokens.
 */
export const BROWSER_SESSION_ROUTES = { signIn: '/auth/sign-in', refresh: '/auth/refresh', signOut: '/auth/sign-out' } as const;
export const CSRF_HEADER = 'x-dealergraph-csrf';

const MAX_BODY = 8 * 1024;
const TOKENS = 'accessToken refreshToken expiresIn userErrors { code message field }';
const SIGN_IN = `mutation BrowserSignIn($email: String!, $password: String!, $otp: String) { login(email: $email, password: $password, otp: $otp) { ${TOKENS} } }`;
const REFRESH = `mutation BrowserRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${TOKENS} } }`;
const SIGN_OUT =
  'mutation BrowserSignOut($refreshToken: String!) { logout(refreshToken: $refreshToken) { loggedOut userErrors { code message } } }';

export interface BrowserSessionOptions {
  dealersUrl: string;
  hmacSecret: string;
  /** Sign-in and refresh attempts per client address (the sign-in budget of the graph's login). */
  perAddress: BucketPolicy;
  clientAddress(request: IncomingMessage): ClientAddress;
  cookie: CookieSettings;
  /** Where the budget is kept: this process unless given (Redis, shared by every gateway). */
  store?: BucketStore;
}

interface UserError {
  code: string;
  message: string;
  field?: string[] | null;
}
interface Tokens {
  accessToken: string | null;
  refreshToken: string | null;
  expiresIn: number | null;
  userErrors: UserError[];
}

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** The CSRF rule above; throws a 403 RouteError when the request may come from another site. */
export function checkSameOrigin(request: IncomingMessage): void {
  if (request.headers[CSRF_HEADER] !== '1') {
    throw new RouteError(403, 'CSRF_REJECTED', `Send the header ${CSRF_HEADER}: 1 (the web app does).`);
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new RouteError(403, 'CSRF_REJECTED', 'The Origin header cannot be read.');
  }
  const forwardedHost = request.headers['x-forwarded-host'];
  const ownHosts = [request.headers.host, typeof forwardedHost === 'string' ? forwardedHost.split(',')[0].trim() : undefined];
  if (!ownHosts.includes(host)) throw new RouteError(403, 'CSRF_REJECTED', 'Requests from another site are refused.');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RouteError(413, 'BAD_REQUEST', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new RouteError(400, 'BAD_REQUEST', 'Send a JSON object.');
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);

export function browserSessionHandler(options: BrowserSessionOptions) {
  const buckets = (options.store ?? memoryBucketStore)('web-sign-in', options.perAddress);

  /** A signed call to the dealers subgraph, as the gateway makes for the graph's own login. */
  async function dealers<T>(request: IncomingMessage, query: string, variables: Record<string, unknown>): Promise<T> {
    const client = options.clientAddress(request);
    let upstream: Response;
    try {
      upstream = await fetch(options.dealersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables, extensions: signRequest({ query, variables }, options.hmacSecret, newEnvelope(client)) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new RouteError(503, 'SERVICE_UNAVAILABLE', 'Signing in is not possible right now; try again shortly.');
    }
    const answer = (await upstream.json().catch(() => ({}))) as { data?: Record<string, T> | null };
    const result = answer.data && Object.values(answer.data)[0];
    if (!result) throw new RouteError(503, 'SERVICE_UNAVAILABLE', 'Signing in is not possible right now; try again shortly.');
    return result;
  }

  async function throttle(request: IncomingMessage) {
    const wait = await buckets.take(options.clientAddress(request).ip ?? 'unknown');
    if (wait > 0)
      throw new RouteError(429, 'RATE_LIMITED', `Too many sign-in attempts; try again in ${wait} s.`, { 'retry-after': String(wait) });
  }

  /** Answers tokens: the access token in the body, the refresh token into the cookie, never into the body. */
  function answerTokens(request: IncomingMessage, response: ServerResponse, tokens: Tokens, failureStatus: number) {
    const body = { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, userErrors: tokens.userErrors };
    if (tokens.refreshToken)
      return send(response, 200, body, { 'set-cookie': refreshCookie(request, tokens.refreshToken, options.cookie) });
    // A restricted (MFA enrolment) token has no refresh token: the app enrols, then hands the first one over.
    const restricted = tokens.accessToken !== null && tokens.userErrors.some((e) => e.code === 'MFA_ENROLMENT_REQUIRED');
    send(response, restricted ? 200 : failureStatus, body, restricted ? {} : { 'set-cookie': clearCookie(request, options.cookie) });
  }

  async function signIn(request: IncomingMessage, response: ServerResponse) {
    await throttle(request);
    const body = await readJson(request);
    const email = text(body.email, 320);
    const password = text(body.password, 1024);
    if (!email || !password) throw new RouteError(400, 'BAD_REQUEST', 'Send email and password.');
    const tokens = await dealers<Tokens>(request, SIGN_IN, { email, password, otp: text(body.otp, 20) ?? null });
    answerTokens(request, response, tokens, 200);
  }

  async function refresh(request: IncomingMessage, response: ServerResponse) {
    await throttle(request);
    const handedOver = text((await readJson(request)).refreshToken, 2048);
    const refreshToken = handedOver ?? readRefreshCookie(request, options.cookie);
    // No cookie is no failure: a first visit asks too. 200, so that the browser logs no error for it.
    if (!refreshToken) {
      return send(response, 200, { accessToken: null, expiresIn: null, userErrors: [{ code: 'NO_SESSION', message: 'Sign in first.' }] });
    }
    answerTokens(request, response, await dealers<Tokens>(request, REFRESH, { refreshToken }), 401);
  }

  async function signOut(request: IncomingMessage, response: ServerResponse) {
    const refreshToken = readRefreshCookie(request, options.cookie);
    // Signing out always clears the cookie, also when the session had already ended.
    if (refreshToken) await dealers(request, SIGN_OUT, { refreshToken }).catch(() => undefined);
    send(response, 200, { signedOut: true }, { 'set-cookie': clearCookie(request, options.cookie) });
  }

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> = {
    [BROWSER_SESSION_ROUTES.signIn]: signIn,
    [BROWSER_SESSION_ROUTES.refresh]: refresh,
    [BROWSER_SESSION_ROUTES.signOut]: signOut,
  };

  /** Answers the three routes and returns true, or returns false for any other path. */
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const route = routes[(request.url ?? '').split('?')[0]];
    if (!route) return false;
    void (async () => {
      if (request.method !== 'POST') throw new RouteError(405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
      checkSameOrigin(request);
      await route(request, response);
    })().catch((error: unknown) => {
      if (response.headersSent) return response.end();
      const known = error instanceof RouteError ? error : new RouteError(503, 'SERVICE_UNAVAILABLE', 'Try again shortly.');
      send(response, known.status, { accessToken: null, userErrors: [{ code: known.code, message: known.message }] }, known.headers);
    });
    return true;
  };
}
