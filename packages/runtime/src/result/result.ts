/**
 * The one result convention of the platform (docs/SUBGRAPH-GUIDE.md, "Errors and refusals"):
 *
 * - an expected refusal is data: a {@link UserError} (`code`, `message`, `field` path) in a mutation's
 *   `userErrors`;
 * - a service that can be refused answers a {@link Result}: the value, or the user errors;
 * - inside a transaction a refusal is thrown as a {@link Refusal}, which rolls the transaction back and
 *   is answered as userErrors by {@link catchRefusal};
 * - an argument a field cannot use at all is {@link badInput} (BAD_USER_INPUT);
 * - anything else is unexpected and thrown as it is.
 */
import { GraphQLError } from 'graphql';

import type { UserError } from '../graphql/common.types.js';

export type { UserError };

/** One user error; `field` is the path to the input at fault (e.g. `['input', 'lines', '0', 'quantity']`). */
export function userError(code: string, message: string, field?: readonly string[] | null): UserError {
  return { code, message, field: field ? [...field] : null };
}

/** A refused {@link Result}: why not, as user errors. */
export interface Refused {
  ok: false;
  errors: UserError[];
}

/** What a service that may refuse answers: the value, or why not. */
export type Result<T> = { ok: true; value: T } | Refused;

/** A successful {@link Result}. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A refused {@link Result}: one or more user errors. */
export const refused = (...errors: UserError[]): Refused => ({ ok: false, errors });

/**
 * A refusal thrown inside a transaction: the transaction rolls back and the caller answers `errors`
 * as userErrors. Throw it only where a return cannot unwind the work (a transaction, a workflow
 * step); elsewhere return a {@link Result}.
 */
export class Refusal extends Error {
  readonly errors: UserError[];

  constructor(errors: UserError | readonly UserError[]) {
    const list = Array.isArray(errors) ? [...(errors as readonly UserError[])] : [errors as UserError];
    super(list.map((e) => `${e.code}: ${e.message}`).join('; '));
    this.name = 'Refusal';
    this.errors = list;
  }

  /** A refusal with one user error. */
  static of(code: string, message: string, field?: readonly string[] | null): Refusal {
    return new Refusal(userError(code, message, field));
  }
}

/** Runs `work`; a {@link Refusal} it throws becomes a refused {@link Result}, anything else stays thrown. */
export async function catchRefusal<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** The user errors of a result: none when it succeeded. */
export const userErrorsOf = (result: Result<unknown>): UserError[] => (result.ok ? [] : result.errors);

/**
 * The error of a field whose argument cannot be used at all (a query, a field without userErrors):
 * `extensions.code` BAD_USER_INPUT, with the argument at fault and, optionally, a reason code.
 */
export function badInput(message: string, field?: string | readonly string[] | null, reason?: string): GraphQLError {
  // The argument at fault as one dotted name ("filter.specifications"), as the errors have always said it.
  const name = field == null ? undefined : typeof field === 'string' ? field : field.join('.');
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}), ...(name ? { field: name } : {}) },
  });
}

/**
 * The error of a call that needed another service which did not answer (down, timed out, overloaded):
 * `extensions.code` SERVICE_UNAVAILABLE. The caller may retry; nothing was changed.
 */
export function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}
