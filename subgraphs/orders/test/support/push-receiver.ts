import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

/**
 * A push service of our own for the tests: an HTTP server that takes what web-push posts to a
 * subscription's endpoint, answers as told per device (201, 410, a 500 first), and keeps each
 * request; and a device (an ECDH P-256 key pair and an auth secret) that decrypts what it was sent
 * (RFC 8291 over RFC 8188 aes128gcm) and checks the VAPID signature (RFC 8292).
 */
export interface PushRequest {
  device: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type DeviceBehaviour = 'ACCEPT' | 'GONE' | 'FAIL_ONCE';

export class PushReceiver {
  readonly requests: PushRequest[] = [];
  readonly #behaviour = new Map<string, DeviceBehaviour>();
  readonly #failed = new Set<string>();
  #server: Server | null = null;
  origin = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const device = (req.url ?? '').replace(/^\/push\//, '');
        this.requests.push({ device, headers: req.headers, body: Buffer.concat(chunks) });
        const behaviour = this.#behaviour.get(device) ?? 'ACCEPT';
        if (behaviour === 'GONE') res.writeHead(410).end('subscription expired');
        else if (behaviour === 'FAIL_ONCE' && !this.#failed.has(device)) {
          this.#failed.add(device);
          res.writeHead(500).end('try again');
        } else res.writeHead(201, { location: `/message/${randomBytes(4).toString('hex')}` }).end();
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** A new device on this push service. */
  device(name: string, behaviour: DeviceBehaviour = 'ACCEPT'): TestDevice {
    this.#behaviour.set(name, behaviour);
    return new TestDevice(`${this.origin}/push/${name}`, name);
  }

  to(device: TestDevice): PushRequest[] {
    return this.requests.filter((r) => r.device === device.name);
  }
}

export class TestDevice {
  readonly #ecdh = createECDH('prime256v1');
  readonly authSecret = randomBytes(16);

  constructor(
    readonly endpoint: string,
    readonly name: string,
  ) {
    this.#ecdh.generateKeys();
  }

  /** What the browser's PushSubscription.toJSON() would give. */
  get subscription(): { endpoint: string; p256dh: string; auth: string } {
    return {
      endpoint: this.endpoint,
      p256dh: this.#ecdh.getPublicKey().toString('base64url'),
      auth: this.authSecret.toString('base64url'),
    };
  }

  /** Decrypts an aes128gcm push message body (RFC 8291 section 3.4, RFC 8188 section 2). */
  decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const idLength = body[20];
    const senderKey = body.subarray(21, 21 + idLength);
    const cipherText = body.subarray(21 + idLength);
    const shared = this.#ecdh.computeSecret(senderKey);
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), this.#ecdh.getPublicKey(), senderKey]);
    const ikm = Buffer.from(hkdfSync('sha256', shared, this.authSecret, keyInfo, 32));
    const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(cipherText.subarray(cipherText.length - 16));
    const padded = Buffer.concat([decipher.update(cipherText.subarray(0, cipherText.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 0x02, then padding zeros.
    const end = padded.lastIndexOf(2);
    return padded.subarray(0, end).toString('utf8');
  }
}

/**
 * Checks a request's VAPID authorization (`vapid t=<JWT>, k=<public key>`): the JWT is ES256, signed
 * by the key in `k`, for this push service's origin, not expired. Returns the key and the claims.
 */
export async function verifyVapid(
  authorization: string | undefined,
  audience: string,
): Promise<{ publicKey: string; subject: string; expiresAt: number }> {
  const found = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!found) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [, token, publicKey] = found;
  const point = Buffer.from(publicKey, 'base64url');
  if (decodeProtectedHeader(token).alg !== 'ES256') throw new Error('VAPID JWT is not ES256');
  const key = await importJWK(
    { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    'ES256',
  );
  const { payload } = await jwtVerify(token, key, { audience, algorithms: ['ES256'] });
  return { publicKey, subject: String(payload.sub), expiresAt: Number(payload.exp) };
}
