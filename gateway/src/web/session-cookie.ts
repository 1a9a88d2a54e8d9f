import type { IncomingMessage } from 'node:http';

/**
 * The browser session's refresh token cookie: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Path=/, no Domain. Served over HTTPS, or to any host but a loopback
 * one, it is `__Host-dealergraph-session` and Secure: the prefix makes the browser refuse a cookie
 * of that name that is not Secure, host-only and on Path=/. On plain http://localhost (the demo)
 * browsers would refuse such a cookie (Safari keeps no Secure cookie there), so it is
 * `dealergraph-session` without Secure, and only for that loopback host.
 */
export interface CookieSettings {
  /** Lifetime of the cookie: the refresh token's (dealers' REFRESH_TOKEN_TTL_SECONDS). */
  maxAgeSeconds: number;
}

export const SECURE_COOKIE = '__Host-dealergraph-session';
export const LOCAL_COOKIE = 'dealergraph-session';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** Whether this request came over plain HTTP to a loopback host (the one case without Secure). */
export function isPlainLocalhost(request: IncomingMessage): boolean {
  const https = (request.socket as { encrypted?: boolean }).encrypted === true;
  return !https && LOOPBACK.test(request.headers.host ?? '');
}

function cookieName(request: IncomingMessage): string {
  return isPlainLocalhost(request) ? LOCAL_COOKIE : SECURE_COOKIE;
}

function attributes(request: IncomingMessage, maxAge: number): string {
  return ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(isPlainLocalhost(request) ? [] : ['Secure']), `Max-Age=${maxAge}`].join('; ');
}

/** The Set-Cookie value that keeps this refresh token. */
export function refreshCookie(request: IncomingMessage, refreshToken: string, settings: CookieSettings): string {
  return `${cookieName(request)}=${encodeURIComponent(refreshToken)}; ${attributes(request, settings.maxAgeSeconds)}`;
}

/** The Set-Cookie value that removes it. */
export function clearCookie(request: IncomingMessage, _settings: CookieSettings): string {
  return `${cookieName(request)}=; ${attributes(request, 0)}`;
}

/** The refresh token in the request's cookie of the name this request's origin uses, if any. */
export function readRefreshCookie(request: IncomingMessage, _settings: CookieSettings): string | undefined {
  const name = cookieName(request);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
