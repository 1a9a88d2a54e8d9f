import { ConfigError, type Env, envBool, envInt, envOptional, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

import type { MfaPolicy } from './domain/mfa-requirement.js';
import { isRetentionDays, RETENTION_SWEEP } from './domain/security-event-retention.js';

/** How long tokens live. */
export interface TokenLifetimes {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Settings of the dealers subgraph; the only place it reads the environment. */
export interface DealersConfig extends SubgraphConfig, TokenLifetimes {
  /** PKCS#8 PEM of the ES256 key that signs access tokens. */
  jwtPrivateKey: string;
  mfaPolicy: MfaPolicy;
  /** SECURITY_EVENT_RETENTION_DAYS: security events older than this many days are deleted. */
  securityEventRetentionDays: number;
}

/** SECURITY_EVENT_RETENTION_DAYS (default 365): whole days from 1 to 36500; anything else stops the start. */
export function readSecurityEventRetentionDays(env: Env): number {
  const days = envInt(env, 'SECURITY_EVENT_RETENTION_DAYS', RETENTION_SWEEP.defaultDays);
  if (!isRetentionDays(days)) throw new ConfigError(`SECURITY_EVENT_RETENTION_DAYS must be whole days from 1 to 36500, not ${days}.`);
  return days;
}

/**
 * STAFF_MFA_REQUIRED: every staff user must use two-factor sign-in. On by default in production,
 * off in demo mode so that the demo staff sign in with their password alone.
 */
export function readMfaPolicy(env: Env, production: boolean): MfaPolicy {
  return { staffMfaRequired: envBool(env, 'STAFF_MFA_REQUIRED', production) };
}

/** Reads the token lifetimes; the launcher, which runs dealers in-process, uses it too. */
export function readTokenLifetimes(env: Env): TokenLifetimes {
  return {
    accessTokenTtlSeconds: envInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
    refreshTokenTtlSeconds: envInt(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
  };
}

export function loadConfig(env: Env = process.env): DealersConfig {
  const jwtPrivateKey = envOptional(env, 'JWT_PRIVATE_KEY');
  if (!jwtPrivateKey) {
    throw new ConfigError('Set JWT_PRIVATE_KEY to the PKCS#8 PEM of an ES256 key (npm start generates one for the demo).');
  }
  const subgraph = readSubgraphConfig(env, 4001, 'DEALERS_PORT');
  return {
    ...subgraph,
    jwtPrivateKey,
    ...readTokenLifetimes(env),
    mfaPolicy: readMfaPolicy(env, subgraph.production),
    securityEventRetentionDays: readSecurityEventRetentionDays(env),
  };
}
