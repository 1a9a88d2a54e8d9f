import { badInput } from '@dealergraph/runtime';

import type { CreditServiceContext } from '../context.js';
import { buildStatement, periodProblem, type Statement } from '../domain/statement.js';
import { balanceBefore, movementsBetween } from '../loaders/statement.queries.js';

/** A statement of one dealer for [from, to); access is the caller's to check. A bad period is BAD_USER_INPUT. */
export async function statementOf(ctx: CreditServiceContext, dealerId: string, from: Date, to: Date): Promise<Statement> {
  const problem = periodProblem({ from, to });
  if (problem) throw badInput(`Statement period: ${problem}.`);
  const [openingBalance, movements] = await Promise.all([
    balanceBefore(ctx.em, dealerId, from),
    movementsBetween(ctx.em, dealerId, from, to),
  ]);
  return buildStatement({ from, to, openingBalance, movements });
}
