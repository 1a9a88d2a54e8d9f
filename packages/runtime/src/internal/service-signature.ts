import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Service-to-service calls (orders -> products, prices, credit) carry their own signature, apart from
 * the gateway's: a timestamp and a nonce bound to the operation and the exact body bytes, so that a
 * captured call cannot be replayed later or aimed at another operation.
 *
 * Header value: `t=<unix ms>,n=<nonce>,s=<base64url HMAC-SHA256(key, "t.n.operation.body")>`.
 */
export const SERVICE_SIGNATURE_HEADER = 'x-dealergraph-service-signature';

/** How far a signature's timestamp may be from the receiver's clock. */
export const SERVICE_SIGNATURE_WINDOW_MS = 30_000;

/**
 * The key of internal calls. Derived from the gateway secret when no separate one is configured, so
 * the demo runs with one generated secret; the derivation keeps a gateway signature from ever being
 * valid as a service signature and the other way round.
 */
export function deriveInternalKey(gatewayHmacSecret: string): string {
  return createHmac('sha256', gatewayHmacSecret).update('dealergraph internal service calls v1').digest('base64url');
}

function mac(key: string, t: string, n: string, operation: string, body: string): string {
  return createHmac('sha256', key).update(`${t}.${n}.${operation}.${body}`).digest('base64url');
}

/** The header value for one call. */
export function signServiceCall(input: { key: string; operation: string; body: string; now?: number }): string {
  const t = String(input.now ?? Date.now());
  const n = randomBytes(16).toString('base64url');
  return `t=${t},n=${n},s=${mac(input.key, t, n, input.operation, input.body)}`;
}

export type ServiceSignatureProblem = 'MISSING' | 'MALFORMED' | 'BAD_SIGNATURE' | 'STALE' | 'REPLAYED';

/** Remembers the nonces seen within the window, so each signed call is accepted once. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** False when the nonce was already used. */
  claim(nonce: string, expiresAt: number, now: number): boolean {
    if (this.seen.size > 10_000) {
      for (const [n, exp] of this.seen) if (exp < now) this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

/** Checks a call's signature; null when it is valid, fresh and not seen before. */
export function verifyServiceCall(input: {
  key: string;
  header: string | undefined;
  operation: string;
  body: string;
  nonces: NonceCache;
  now?: number;
}): ServiceSignatureProblem | null {
  if (!input.header) return 'MISSING';
  const parts = Object.fromEntries(input.header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const { t, n, s } = parts as Record<string, string | undefined>;
  if (!t || !n || !s || !/^\d+$/.test(t)) return 'MALFORMED';
  const expected = Buffer.from(mac(input.key, t, n, input.operation, input.body));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'BAD_SIGNATURE';
  const now = input.now ?? Date.now();
  if (Math.abs(now - Number(t)) > SERVICE_SIGNATURE_WINDOW_MS) return 'STALE';
  if (!input.nonces.claim(n, Number(t) + SERVICE_SIGNATURE_WINDOW_MS, now)) return 'REPLAYED';
  return null;
}
