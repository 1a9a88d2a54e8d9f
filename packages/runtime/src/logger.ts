import { AsyncLocalStorage } from 'node:async_hooks';

import pino from 'pino';

import { activeTraceIds } from './telemetry/tracing.js';

/** A small structured logger: one line per event, JSON details, never secrets (callers pass none; known keys are redacted). */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type LogLevel = 'silent' | 'error' | 'warn' | 'info';
/** `json`: one pino JSON object per line (production, log shippers); `text`: `[service] message {details}` for a terminal. */
export type LogFormat = 'json' | 'text';
const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3 };

/** What a request adds to every line logged while it runs: the id the gateway gave it. */
export interface RequestLogScope {
  requestId: string;
}

const requestScope = new AsyncLocalStorage<RequestLogScope>();

/** Runs `work` with the request's id attached to every line logged inside it, however deep. */
export function withRequestLogScope<T>(scope: RequestLogScope, work: () => T): T {
  return requestScope.run(scope, work);
}

/** `x-request-id` of the request running now, for a call made on its behalf; none outside a request. */
export function requestIdHeader(): Record<string, string> {
  const scope = requestScope.getStore();
  return scope ? { 'x-request-id': scope.requestId } : {};
}

/** Keys whose values never reach a log line, at the top of the details or one level down. */
const SECRET_KEYS = ['password', 'token', 'accessToken', 'refreshToken', 'secret', 'clientSecret', 'authorization', 'otp'];
const REDACT = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

function jsonLogger(name: string, level: LogLevel): Logger {
  // Warnings and errors to stderr, the rest to stdout, as the text format does.
  const streams = [
    { level: 'info' as const, stream: process.stdout },
    { level: 'warn' as const, stream: process.stderr },
  ];
  const log = pino(
    {
      name,
      level: level === 'silent' ? 'silent' : level,
      base: { service: name, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      // The request's id, and with tracing on its trace: a line leads to the trace and back.
      mixin: () => {
        const scope = requestScope.getStore();
        const ids = activeTraceIds();
        return scope ? { requestId: scope.requestId, ...ids } : (ids ?? {});
      },
    },
    pino.multistream(streams, { dedupe: true }),
  );
  return {
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
  };
}

function redacted(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      SECRET_KEYS.includes(key)
        ? '[redacted]'
        : value && typeof value === 'object' && !Array.isArray(value)
          ? redacted(value as Record<string, unknown>)
          : value,
    ]),
  );
}

function textLogger(name: string, level: LogLevel): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>, message: string, details?: Record<string, unknown>) => {
    if (ORDER[at] > ORDER[level]) return;
    const scope = requestScope.getStore();
    const ids = activeTraceIds();
    const all = scope || ids ? { ...details, ...(scope && { requestId: scope.requestId }), ...ids } : details;
    const line = `[${name}] ${message}${all ? ` ${JSON.stringify(redacted(all))}` : ''}`;
    (at === 'info' ? console.log : console.error)(line);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

/** A service's logger: JSON lines (pino) or text, with the running request's id on every line. */
export function createLogger(name: string, level: LogLevel = 'info', format: LogFormat = 'text'): Logger {
  return format === 'json' ? jsonLogger(name, level) : textLogger(name, level);
}
