/**
 * What a device's push subscription must look like before the service will post to it: the
 * endpoint is an https URL of a push service (http only where allowed: demo mode and tests, whose
 * push service is local), with no credentials in it; the keys are what RFC 8291 encrypts to, a P-256
 * public key (65 bytes, uncompressed, on the curve) and a 16-byte authentication secret, base64url.
 */
import { createPublicKey } from 'node:crypto';

import { type UserError, userError } from '@dealergraph/runtime';

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent?: string | null;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const MAX_ENDPOINT = 2048;
const MAX_USER_AGENT = 300;

/** The bytes of a base64url text, or null when it is not base64url. */
function base64urlBytes(value: string): Buffer | null {
  return BASE64URL.test(value) ? Buffer.from(value.replace(/=+$/, ''), 'base64url') : null;
}

/** True for an uncompressed P-256 point that lies on the curve. */
function isP256Point(bytes: Buffer): boolean {
  if (bytes.length !== 65 || bytes[0] !== 0x04) return false;
  try {
    createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: bytes.subarray(1, 33).toString('base64url'), y: bytes.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

/** Why a subscription cannot be kept, field by field (input.endpoint, input.p256dh, input.auth, input.userAgent); empty when it can. */
export function pushSubscriptionProblems({ input, allowHttp }: { input: PushSubscriptionInput; allowHttp: boolean }): UserError[] {
  const problems: UserError[] = [];
  const url = input.endpoint.length <= MAX_ENDPOINT && URL.canParse(input.endpoint) ? new URL(input.endpoint) : null;
  const schemes = allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!url || !schemes.includes(url.protocol) || url.username || url.password || url.hash)
    problems.push(
      userError('INVALID_INPUT', `The endpoint must be the push service's ${allowHttp ? 'http(s)' : 'https'} URL for this device.`, [
        'input',
        'endpoint',
      ]),
    );
  const key = base64urlBytes(input.p256dh);
  if (!key || !isP256Point(key))
    problems.push(userError('INVALID_INPUT', 'p256dh must be the P-256 public key of the subscription (base64url).', ['input', 'p256dh']));
  const auth = base64urlBytes(input.auth);
  if (!auth || auth.length !== 16)
    problems.push(userError('INVALID_INPUT', 'auth must be the 16-byte secret of the subscription (base64url).', ['input', 'auth']));
  if (input.userAgent != null && input.userAgent.length > MAX_USER_AGENT)
    problems.push(userError('INVALID_INPUT', `userAgent is at most ${MAX_USER_AGENT} characters.`, ['input', 'userAgent']));
  return problems;
}
