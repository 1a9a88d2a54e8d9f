import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { GraphQLError } from 'graphql';
import stableStringify from 'json-stable-stringify';

/**
 * What the gateway adds to every subgraph call besides the claims: when it signed (ms since the
 * epoch), a random nonce, and who the caller is (the client address the gateway trusted).
 */
export interface GatewayEnvelope {
  ts: number;
  nonce: string;
  client?: { ip?: string | null; userAgent?: string | null } | null;
}

/**
 * What the gateway signs for every subgraph call, and what subgraphs recompute: the printed query,
 * its variables (left out when empty), the forwarded JWT claims and the envelope (timestamp, nonce,
 * client). One function on both sides, so the two can never drift apart.
 */
export function signaturePayload(request: {
  query: string;
  variables?: Record<string, unknown> | null;
  jwt?: unknown;
  gateway?: GatewayEnvelope | null;
}): string {
  const variables = request.variables && Object.keys(request.variables).length > 0 ? request.variables : undefined;
  return stableStringify({ query: request.query, variables, jwt: request.jwt ?? undefined, gateway: request.gateway ?? undefined }) ?? '';
}

/** base64(HMAC-SHA256(secret, payload)), the value of `extensions["hmac-signature"]`. */
export function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64');
}

export const SIGNATURE_EXTENSION = 'hmac-signature';
/** The extension that carries the {@link GatewayEnvelope}. */
export const ENVELOPE_EXTENSION = 'gateway';

/** A fresh envelope for one subgraph call. */
export function newEnvelope(client?: GatewayEnvelope['client'], now = Date.now()): GatewayEnvelope {
  return { ts: now, nonce: randomBytes(16).toString('base64url'), client: client ?? undefined };
}

/**
 * The extensions a signed subgraph call carries: the claims (as given), the envelope and the
 * signature over query, variables, claims and envelope.
 */
export function signRequest(
  request: { query: string; variables?: Record<string, unknown> | null; jwt?: unknown },
  secret: string,
  envelope: GatewayEnvelope = newEnvelope(),
): Record<string, unknown> {
  const signature = sign(signaturePayload({ ...request, gateway: envelope }), secret);
  return { ...(request.jwt === undefined ? {} : { jwt: request.jwt }), [ENVELOPE_EXTENSION]: envelope, [SIGNATURE_EXTENSION]: signature };
}

export interface SignedBody {
  query?: unknown;
  variables?: unknown;
  extensions?: Record<string, unknown> | null;
}

/**
 * Where the nonces of accepted signatures are remembered for the freshness window: this process
 * ({@link NonceGuard}) or a store every instance of a subgraph shares (`redisNonceMemory`).
 */
export interface NonceMemory {
  readonly windowMs: number;
  /** Records the nonce and answers true the first time it is seen; false for a replay. */
  firstUse(nonce: string, ts: number, now?: number): boolean | Promise<boolean>;
}

/**
 * Remembers the nonces of recently accepted signatures, each until its timestamp falls out of the
 * freshness window (after that the timestamp alone refuses it). Per process: with several
 * instances of a subgraph a replay could reach another instance within the window unless they
 * share a memory (REDIS_URL, see shared-nonces.ts).
 */
export class NonceGuard implements NonceMemory {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(readonly windowMs = 60_000) {}

  /** Records the nonce and returns true the first time it is seen; false for a replay. */
  firstUse(nonce: string, ts: number, now = Date.now()): boolean {
    if (now - this.lastSweep > this.windowMs) this.sweep(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, ts + this.windowMs);
    return true;
  }

  private sweep(now: number) {
    this.lastSweep = now;
    for (const [nonce, until] of this.seen) if (until < now) this.seen.delete(nonce);
  }
}

/** Why a body was refused, or OK. */
export type SignatureCheck = 'OK' | 'INVALID' | 'STALE' | 'REPLAYED';

function readEnvelope(value: unknown): GatewayEnvelope | null {
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || typeof e.nonce !== 'string' || e.nonce.length < 16) return null;
  return e as unknown as GatewayEnvelope;
}

/** The signature and timestamp checks, before the nonce: INVALID, STALE, or the envelope to record. */
function checkSignature(
  body: SignedBody | null | undefined,
  secret: string,
  windowMs: number,
  now: number,
): Exclude<SignatureCheck, 'OK' | 'REPLAYED'> | GatewayEnvelope {
  if (!body || typeof body.query !== 'string') return 'INVALID';
  const given = body.extensions?.[SIGNATURE_EXTENSION];
  const envelope = readEnvelope(body.extensions?.[ENVELOPE_EXTENSION]);
  if (typeof given !== 'string' || !envelope) return 'INVALID';
  const expected = Buffer.from(
    sign(
      signaturePayload({
        query: body.query,
        variables: (body.variables ?? undefined) as Record<string, unknown> | undefined,
        jwt: body.extensions?.jwt,
        gateway: envelope,
      }),
      secret,
    ),
  );
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return 'INVALID';
  if (Math.abs(now - envelope.ts) > windowMs) return 'STALE';
  return envelope;
}

/**
 * Checks a subgraph call: a valid signature (constant-time comparison) over query, variables,
 * claims and envelope; a timestamp within the window (either side, for clock skew); a nonce not
 * seen before. The nonce is recorded only once the signature checked out, so forged bodies cannot
 * fill the guard.
 */
export function verifySignedBody(body: SignedBody | null | undefined, secret: string, guard: NonceGuard, now = Date.now()): SignatureCheck {
  const checked = checkSignature(body, secret, guard.windowMs, now);
  if (typeof checked === 'string') return checked;
  return guard.firstUse(checked.nonce, checked.ts, now) ? 'OK' : 'REPLAYED';
}

/** {@link verifySignedBody} against any nonce memory, a shared one included (it may answer later). */
export async function verifySignedBodyWith(
  body: SignedBody | null | undefined,
  secret: string,
  memory: NonceMemory,
  now = Date.now(),
): Promise<SignatureCheck> {
  const checked = checkSignature(body, secret, memory.windowMs, now);
  if (typeof checked === 'string') return checked;
  return (await memory.firstUse(checked.nonce, checked.ts, now)) ? 'OK' : 'REPLAYED';
}

const processGuard = new NonceGuard();

/** True when the body carries a fresh, first-seen gateway signature (one guard per process). */
export function hasValidSignature(body: SignedBody | null | undefined, secret: string): boolean {
  return verifySignedBody(body, secret, processGuard) === 'OK';
}

/** The client the gateway vouched for in a verified body. */
export function signedClient(body: SignedBody | null | undefined): { ip: string | null; userAgent: string | null } {
  const client = readEnvelope(body?.extensions?.[ENVELOPE_EXTENSION])?.client;
  return {
    ip: typeof client?.ip === 'string' ? client.ip : null,
    userAgent: typeof client?.userAgent === 'string' ? client.userAgent.slice(0, 300) : null,
  };
}

/** The error every subgraph answers to a request the gateway did not sign (or signed long ago, or already sent). */
export function unsignedRequest(check: SignatureCheck = 'INVALID'): GraphQLError {
  const why =
    check === 'STALE'
      ? 'This signed request is too old (or from the future); the gateway signs each call afresh.'
      : check === 'REPLAYED'
        ? 'This signed request was already answered once; a replay is refused.'
        : 'This service answers only requests signed by the dealergraph gateway; send your request to the gateway.';
  return new GraphQLError(why, { extensions: { code: 'UNSIGNED_REQUEST', http: { status: 401 } } });
}
