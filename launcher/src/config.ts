import { readCreditThresholds, type CreditThresholds } from '@dealergraph/credit';
import { readTokenLifetimes, type TokenLifetimes } from '@dealergraph/dealers';
import { readSecuritySettings, type SecuritySettings } from '@dealergraph/gateway';
import { envBool, envInt, envLogLevel, envOptional, envString, type Env, type LogLevelSetting } from '@dealergraph/runtime';
import { fileURLToPath } from 'node:url';

/** Settings of `npm start`; the only place the launcher reads the environment. */
export interface LauncherConfig {
  /** Unset: an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  gatewayPort: number;
  ports: { dealers: number; products: number; prices: number; credit: number; orders: number };
  /** Generated per start when unset (demo mode); required in production. */
  hmacSecret?: string;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  production: boolean;
  logLevel: LogLevelSetting;
  seedDemoData: boolean;
  creditThresholds: CreditThresholds;
  tokenLifetimes: TokenLifetimes;
  gatewaySecurity: SecuritySettings;
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
    },
    hmacSecret: envOptional(env, 'GATEWAY_HMAC_SECRET'),
    jwtPrivateKey: envOptional(env, 'JWT_PRIVATE_KEY'),
    jwtPublicKey: envOptional(env, 'JWT_PUBLIC_KEY'),
    production,
    logLevel: envLogLevel(env),
    seedDemoData: envBool(env, 'SEED_DEMO_DATA', !production),
    creditThresholds: readCreditThresholds(env),
    tokenLifetimes: readTokenLifetimes(env),
    gatewaySecurity: readSecuritySettings(env),
  };
  if (production && (!config.hmacSecret || !config.jwtPrivateKey || !config.jwtPublicKey)) {
    throw new Error('In production set GATEWAY_HMAC_SECRET, JWT_PRIVATE_KEY and JWT_PUBLIC_KEY; generated secrets are for the demo only.');
  }
  return config;
}
