// The subpath keeps the supervisor's process small: it never loads the ORM or GraphQL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  ConfigError,
  type Env,
  envBool,
  envInt,
  envLogLevel,
  envOptional,
  envString,
  type LogLevelSetting,
} from '@dealergraph/runtime/config';

/**
 * Settings of `npm start`; the only place the launcher reads the environment. Settings of one service
 * only (credit thresholds, token lifetimes, pool size) reach it in its environment and it checks them.
 */
export interface LauncherConfig {
  /** Unset: an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  gatewayPort: number;
  ports: { dealers: number; products: number; prices: number; credit: number; orders: number; integration: number };
  /** Generated per start when unset (demo mode); required in production. */
  hmacSecret?: string;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  /** Key of the signed calls between services; generated per start when unset (demo mode). */
  internalServiceSecret?: string;
  production: boolean;
  /** Extra Node options for every service process (SERVICE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
  serviceNodeArgs: string[];
  logLevel: LogLevelSetting;
  seedDemoData: boolean;
  /** REDIS_URL: the live event bus shared by several orders instances and gateways (`npm run start:cluster` needs it). */
  redisUrl?: string;
  /** ERP_SIMULATOR_PORT (default 4090); ERP_SIMULATOR=false leaves the demo's ERP simulator out. */
  erpSimulator: { enabled: boolean; port: number };
}

export function loadConfig(env: Env = process.env): LauncherConfig {
  const production = env.NODE_ENV === 'production';
  const config: LauncherConfig = {
    databaseUrl: envOptional(env, 'DATABASE_URL'),
    dataDir: envString(env, 'DATA_DIR', fileURLToPath(new URL('../../.data/pg', import.meta.url))),
    gatewayPort: envInt(env, 'PORT', 4000),
    ports: {
      dealers: envInt(env, 'DEALERS_PORT', 4001),
      products: envInt(env, 'PRODUCTS_PORT', 4002),
      prices: envInt(env, 'PRICES_PORT', 4003),
      credit: envInt(env, 'CREDIT_PORT', 4004),
      orders: envInt(env, 'ORDERS_PORT', 4005),
      integration: envInt(env, 'INTEGRATION_PORT', 4006),
    },
    hmacSecret: envOptional(env, 'GATEWAY_HMAC_SECRET'),
    jwtPrivateKey: envOptional(env, 'JWT_PRIVATE_KEY'),
    jwtPublicKey: envOptional(env, 'JWT_PUBLIC_KEY'),
    internalServiceSecret: envOptional(env, 'INTERNAL_SERVICE_SECRET'),
    production,
    serviceNodeArgs: envOptional(env, 'SERVICE_NODE_ARGS')?.split(/\s+/) ?? [],
    logLevel: envLogLevel(env),
    seedDemoData: envBool(env, 'SEED_DEMO_DATA', !production),
    redisUrl: envOptional(env, 'REDIS_URL'),
    erpSimulator: { enabled: envBool(env, 'ERP_SIMULATOR', !production), port: envInt(env, 'ERP_SIMULATOR_PORT', 4090) },
  };
  if (production && (!config.hmacSecret || !config.jwtPrivateKey || !config.jwtPublicKey)) {
    const missing = ['GATEWAY_HMAC_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY'].filter((key) => !envOptional(env, key));
    throw new ConfigError(
      `Production needs ${missing.join(', ')} (generated secrets are for the demo only). ` +
        'Run `npm run secrets` once: it writes them into .env, which npm start reads. See docs/PRODUCTION.md.',
    );
  }
  return config;
}

/** The environment every service process inherits from `npm start` (what it does not set itself). */
export function inheritedEnv(env: Env = process.env): Env {
  return { ...env };
}

/** The env file `npm run secrets` writes and `npm start` reads: ENV_FILE, else .env at the repository root. */
export function envFilePath(env: Env = process.env): string {
  return envOptional(env, 'ENV_FILE') ?? fileURLToPath(new URL('../../.env', import.meta.url));
}

/**
 * Loads the env file into `process.env` when there is one; variables already set win over it (so a
 * deployment's own environment is never overridden by a stale file). Returns the file read, if any.
 */
export function loadEnvFile(env: Env = process.env): string | undefined {
  const path = envFilePath(env);
  if (!existsSync(path)) {
    if (envOptional(env, 'ENV_FILE')) throw new ConfigError(`ENV_FILE names ${path}, which does not exist.`);
    return undefined;
  }
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new ConfigError(`${path} cannot be read as an env file: ${(error as Error).message}`);
  }
  return path;
}
