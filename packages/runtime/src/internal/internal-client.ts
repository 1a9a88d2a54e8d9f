import type { InternalService, OperationInput, OperationName, OperationOutput } from './contracts.js';
import { INTERNAL_PATH } from './internal-server.js';
import { SERVICE_SIGNATURE_HEADER, signServiceCall } from './service-signature.js';

/**
 * Why an internal call failed. TIMEOUT and UNAVAILABLE leave it unknown whether the owner did the
 * work: callers rely on the operations being idempotent by order id and retry or compensate.
 */
export type InternalCallErrorCode = 'TIMEOUT' | 'UNAVAILABLE' | 'REJECTED' | 'FAILED';

export class InternalCallError extends Error {
  constructor(
    readonly code: InternalCallErrorCode,
    readonly operation: string,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'InternalCallError';
  }
}

export interface InternalClientOptions {
  /** The owner's base URL, e.g. http://127.0.0.1:4002 (no path). */
  baseUrl: string;
  key: string;
  /** Every call fails with TIMEOUT after this long. */
  timeoutMs?: number;
}

export interface InternalClient<S extends InternalService> {
  call<O extends OperationName<S>>(operation: O, input: OperationInput<S, O>): Promise<OperationOutput<S, O>>;
}

/** A signed, time-limited caller of one service's internal operations. */
export function internalClient<S extends InternalService>(service: S, options: InternalClientOptions): InternalClient<S> {
  const base = options.baseUrl.replace(/\/+$/, '').replace(/\/graphql$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async call(operation, input) {
      const name = `${service}.${operation}`;
      const body = JSON.stringify(input);
      let response: Response;
      try {
        response = await fetch(`${base}${INTERNAL_PATH}/${operation}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SERVICE_SIGNATURE_HEADER]: signServiceCall({ key: options.key, operation, body }) },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError';
        throw new InternalCallError(timedOut ? 'TIMEOUT' : 'UNAVAILABLE', name, timedOut ? `no answer within ${timeoutMs} ms` : `cannot reach ${base}`);
      }
      const payload = (await response.json().catch(() => null)) as { result?: unknown; error?: { code?: string; message?: string } } | null;
      if (response.ok && payload && 'result' in payload) return payload.result as never;
      const message = payload?.error?.message ?? `HTTP ${response.status}`;
      throw new InternalCallError(response.status >= 500 ? 'FAILED' : 'REJECTED', name, message);
    },
  };
}
