import type { IncomingMessage } from 'node:http';

import proxyaddr from 'proxy-addr';

/** Who is calling, as far as the gateway can tell. */
export interface ClientAddress {
  ip: string | null;
  userAgent: string | null;
}

/** What a GraphQL context carries of the raw request: the Node request (HTTP, or the socket's upgrade request). */
export interface RawRequestContext {
  req?: IncomingMessage;
}

/**
 * Reads the caller's address: the socket peer, or, when that peer is a trusted proxy, the nearest
 * untrusted address in X-Forwarded-For (proxy-addr's rules, the same as Express's `trust proxy`).
 * `trusted` takes addresses, CIDR ranges (IPv4 and IPv6) and the names loopback, linklocal, uniquelocal.
 */
export function clientAddressReader(trusted: string[]): (context: RawRequestContext) => ClientAddress {
  const trust = proxyaddr.compile(trusted);
  const cache = new WeakMap<IncomingMessage, ClientAddress>();
  return (context) => {
    const req = context.req;
    if (!req?.socket) return { ip: null, userAgent: null };
    let address = cache.get(req);
    if (!address) {
      const ua = req.headers['user-agent'];
      address = { ip: normalize(proxyaddr(req, trust)), userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
      cache.set(req, address);
    }
    return address;
  };
}

/** IPv4 addresses as IPv4 even when the socket is dual-stack (`::ffff:10.0.0.1`). */
function normalize(ip: string | undefined): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
