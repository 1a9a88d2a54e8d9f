import { deriveInternalKey } from './internal/service-signature.js';
import type { LogFormat } from './logger.js';
import { readTracingConfig, type TracingConfig } from './telemetry/tracing.js';

/**
 * Typed readers over an environment object. Each service reads `process.env` in its own config
 * module only and passes it here; nothing else in the code base touches the environment.
 */
export type Env = Record<string, string | undefined>;

/** Thrown at start-up when the environment cannot run the service; the message says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Exit code of a process stopped by its configuration (EX_CONFIG of sysexits.h). */
export const CONFIG_EXIT_CODE = 78;

/**
 * Runs a service's config reader at start-up. A ConfigError is the operator's to fix, so it ends the
 * process with its message alone, no stack trace; any other error is a bug and propagates as one.
 */
export function configOrExit<T>(service: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConfigError') throw error;
    console.error(`[${service}] cannot start: ${error.message}`);
    process.exit(CONFIG_EXIT_CODE);
  }
}

export function envString(env: Env, key: string, fallback?: string): string {
  const value = env[key]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`Set ${key}: it has no default.`);
}

export function envOptional(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

export function envInt(env: Env, key: string, fallback: number): number {
  const raw = envOptional(env, key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new ConfigError(`${key} must be a whole number, got "${raw}".`);
  return value;
}

export function envBool(env: Env, key: string, fallback: boolean): boolean {
  const raw = envOptional(env, key)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}".`);
}

export type LogLevelSetting = 'silent' | 'error' | 'warn' | 'info';

/** LOG_LEVEL: silent, error, warn (the default) or info. */
export function envLogLevel(env: Env): LogLevelSetting {
  const level = envString(env, 'LOG_LEVEL', 'warn');
  if (!['silent', 'error', 'warn', 'info'].includes(level)) throw new ConfigError('LOG_LEVEL must be silent, error, warn or info.');
  return level as LogLevelSetting;
}

/** LOG_FORMAT: `json` (pino, one object per line; the default in production) or `text` (the default in demo mode). */
export function envLogFormat(env: Env, production: boolean): LogFormat {
  const format = envString(env, 'LOG_FORMAT', production ? 'json' : 'text');
  if (format !== 'json' && format !== 'text') throw new ConfigError('LOG_FORMAT must be json or text.');
  return format;
}

/** The services other services call internally (orders hands integration its ERP events). */
export const SERVICE_NAMES = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The default ports (gateway 4000, subgraphs 4001-4006), also the default base URLs of the services' internal calls. */
export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  dealers: 4001,
  products: 4002,
  prices: 4003,
  credit: 4004,
  orders: 4005,
  integration: 4006,
};

/** What every subgraph needs to run. */
export interface SubgraphConfig {
  host: string;
  port: number;
  databaseUrl: string;
  /** Shared with the gateway: the key of the upstream request signatures. */
  hmacSecret: string;
  production: boolean;
  poolSize: number;
  logLevel: LogLevelSetting;
  /** LOG_FORMAT (see {@link envLogFormat}); text when absent. */
  logFormat?: LogFormat;
  /** Key of the signed service-to-service calls (INTERNAL_SERVICE_SECRET, else derived from the gateway secret). */
  internalKey: string;
  /** Base URL of each service's internal operations (`<NAME>_SERVICE_URL`, default loopback on its default port). */
  serviceUrls: Record<ServiceName, string>;
  /** Lets tests inject failures into internal operations; never on in production. */
  faultInjection: boolean;
  /**
   * Where Prometheus scrapes this service (`GET /metrics`): `<NAME>_METRICS_PORT` (default 9401-9406)
   * on METRICS_HOST (default loopback). Absent: no listener (the in-process test stacks).
   */
  metrics?: MetricsListener;
  /**
   * REDIS_URL: state every instance of the service must share lives there (the signature nonces;
   * orders' live events). Unset: in this process, as `npm start` runs it.
   */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX (default `dealergraph:`): the start of every key, so several deployments or test runs can share a Redis. */
  redisKeyPrefix?: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where its OpenTelemetry traces go (see {@link readTracingConfig}); absent or no endpoint: off. */
  tracing?: TracingConfig;
}

/** The loopback listener of a process's metrics. */
export interface MetricsListener {
  host: string;
  port: number;
}

/**
 * METRICS_HOST (default 127.0.0.1) and the given port variable (default `defaultPort`); `off` as the port
 * turns the listener off (two services on one machine, a platform that scrapes otherwise).
 */
export function readMetricsListener(env: Env, portVariable: string, defaultPort: number): MetricsListener | undefined {
  if (envOptional(env, portVariable)?.toLowerCase() === 'off') return undefined;
  return { host: envString(env, 'METRICS_HOST', '127.0.0.1'), port: envInt(env, portVariable, defaultPort) };
}

/** Reads the common subgraph settings; ports default to 4001-4006, their metrics to 9401-9406. */
export function readSubgraphConfig(env: Env, defaultPort: number, portVariable: string): SubgraphConfig {
  const hmacSecret = envString(env, 'GATEWAY_HMAC_SECRET');
  return {
    host: envString(env, 'SUBGRAPH_HOST', '127.0.0.1'),
    port: envInt(env, portVariable, defaultPort),
    databaseUrl: envString(env, 'DATABASE_URL'),
    hmacSecret,
    production: env.NODE_ENV === 'production',
    poolSize: envInt(env, 'DB_POOL_SIZE', 8),
    logLevel: envLogLevel(env),
    logFormat: envLogFormat(env, env.NODE_ENV === 'production'),
    internalKey: envOptional(env, 'INTERNAL_SERVICE_SECRET') ?? deriveInternalKey(hmacSecret),
    serviceUrls: Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, envString(env, `${name.toUpperCase()}_SERVICE_URL`, `http://127.0.0.1:${DEFAULT_PORTS[name]}`)]),
    ) as Record<ServiceName, string>,
    faultInjection: false,
    metrics: readMetricsListener(env, portVariable.replace(/_PORT$/, '_METRICS_PORT'), defaultPort + 5400),
    redisUrl: envOptional(env, 'REDIS_URL'),
    redisKeyPrefix: envString(env, 'REDIS_KEY_PREFIX', 'dealergraph:'),
    tracing: readTracingConfig(env),
  };
}
