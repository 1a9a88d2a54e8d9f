import { ConfigError, type Env, envBool, envInt, envOptional, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

import type { MfaPolicy } from './domain/mfa-requirement.js';
import { isRetentionDays, RETENTION_SWEEP } from './domain/security-event-retention.js';
import { DEFAULT_TIER_SETTINGS, type TierSettings } from './services/tier.service.js';

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
  /** TIER_REVIEW_PERIOD, TIER_DOWNGRADE_GRACE_DAYS, TIER_CHECK_INTERVAL_MINUTES: the tier evaluation job. */
  tierSettings: TierSettings;
}

/**
 * The tier job: TIER_REVIEW_PERIOD (MONTHLY, YEARLY (default: the seed's annual review) or OFF) sets
 * when downgrades are decided; TIER_DOWNGRADE_GRACE_DAYS (default 60, 0 to 3650) how long a decided
 * downgrade waits; TIER_CHECK_INTERVAL_MINUTES (default 60; 0 turns the job off) how often automatic
 * upgrades are looked for. Anything else stops the start.
 */
export function readTierSettings(env: Env): TierSettings {
  const period = (envOptional(env, 'TIER_REVIEW_PERIOD') ?? 'YEARLY').toUpperCase();
  const periods: Record<string, number | null> = { MONTHLY: 30, YEARLY: 365, OFF: null };
  if (!(period in periods)) throw new ConfigError(`TIER_REVIEW_PERIOD must be MONTHLY, YEARLY or OFF, not ${period}.`);
  const graceDays = envInt(env, 'TIER_DOWNGRADE_GRACE_DAYS', DEFAULT_TIER_SETTINGS.graceDays);
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 3650)
    throw new ConfigError(`TIER_DOWNGRADE_GRACE_DAYS must be whole days from 0 to 3650, not ${graceDays}.`);
  const minutes = envInt(env, 'TIER_CHECK_INTERVAL_MINUTES', DEFAULT_TIER_SETTINGS.checkIntervalMs / 60_000);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
    throw new ConfigError(`TIER_CHECK_INTERVAL_MINUTES must be whole minutes from 0 to 1440, not ${minutes}.`);
  return { ...DEFAULT_TIER_SETTINGS, reviewPeriodDays: periods[period] ?? null, graceDays, checkIntervalMs: minutes * 60_000 };
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
    tierSettings: readTierSettings(env),
  };
}
