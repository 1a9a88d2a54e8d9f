import {
  type Claims,
  normalizeId,
  ok,
  readOptionalAmount,
  Refusal,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { scopeOf } from '../approvals/approver-scope.service.js';
import { mayDecide, roleOfStep, SPECIAL_PRICE_AREA, upToLevelIn } from '../approvals/domain/approval-areas.js';
import { inScope } from '../approvals/domain/approver-scope.js';
import type { OrdersContext } from '../context.js';
import { grantedValidTo, routeSpecialPrice, termsProblems } from './domain/special-price-routing.js';
import { SpecialPriceRequest, type SpecialPriceRequestStatus } from './special-price-request.entity.js';
import { asFailure, MAX_TEXT, recordEvent, type SpecialPriceRequestResult } from './special-price-request.service.js';

/**
 * Approvers' decisions on special price requests (see special-price-request.service.ts): approve,
 * possibly with counter terms, or reject with a reason. One decision per request, however many arrive
 * together (a row lock); the special price itself is granted in the prices subgraph.
 */

/** An approval as an approver sends it: counter terms are optional; the dealer's terms apply without them. */
export interface ApproveSpecialPriceInput {
  requestId: string;
  unitPrice?: string | null;
  quantity?: number | null;
  validTo?: Date | null;
  comment?: string | null;
}

/**
 * Runs `change` on the locked request in one transaction; a Refusal rolls it back and
 * becomes userErrors. Only the roles of `operation`'s row in the authorization matrix decide (FORBIDDEN
 * for anyone else, before any lookup), within their scope (a rep's dealers, a manager's region:
 * FORBIDDEN outside it); each decision checks the level.
 */
async function onLockedRequest(
  ctx: OrdersContext,
  operation: 'Mutation.approveSpecialPriceRequest' | 'Mutation.rejectSpecialPriceRequest',
  requestId: string,
  change: (em: OrdersContext['em'], request: SpecialPriceRequest, claims: Claims) => Promise<void>,
): Promise<SpecialPriceRequestResult> {
  const claims = requireClaims(ctx.claims);
  const id = normalizeId(requestId);
  try {
    const forbidden = refusalUnlessAllowed(
      claims,
      operation,
      `Your role (${claims.role}) may not decide special price requests: the distributor's approvers do.`,
    );
    if (forbidden) throw new Refusal(forbidden);
    if (!id) throw new Refusal([userError('NOT_FOUND', 'There is no such special price request.', ['requestId'])]);
    // Looked up before the row lock: a call to dealers (a manager's region) must not hold it.
    const scope = await scopeOf(ctx, claims);
    const request = await ctx.em.fork().transactional(async (em) => {
      const locked = await em.findOne(SpecialPriceRequest, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!locked) throw new Refusal([userError('NOT_FOUND', 'There is no such special price request.', ['requestId'])]);
      // As for orders: outside the approver's scope is FORBIDDEN (before its status, which it need not learn).
      if (!inScope(scope, locked)) {
        throw new Refusal([
          userError(
            'FORBIDDEN',
            claims.role === 'SALES_REP'
              ? "This request's dealer is not one of yours: its own sales rep, its regional manager or a director decides it."
              : "This request's dealer is outside your region: its regional manager or a director decides it.",
            ['requestId'],
          ),
        ]);
      }
      if (locked.status !== 'PENDING')
        throw new Refusal([userError('INVALID_TRANSITION', `This request is ${locked.status} already.`, ['requestId'])]);
      await change(em, locked, claims);
      await em.flush();
      return locked;
    });
    return ok(request);
  } catch (error) {
    if (error instanceof Refusal) return refused(...error.errors);
    throw error;
  }
}

/**
 * A Refusal unless the approver decides a special price at `level`: a sales exception, on the SALES
 * ladder (approvals/domain/approval-areas.ts). WRONG_APPROVAL_AREA for FINANCE, FORBIDDEN below the level.
 */
function requireLevel(claims: Claims, level: number): void {
  const approver = { role: claims.role };
  if (mayDecide({ approver, step: { area: SPECIAL_PRICE_AREA, level } })) return;
  const role = roleOfStep({ area: SPECIAL_PRICE_AREA, level });
  throw new Refusal([
    upToLevelIn({ approver, area: SPECIAL_PRICE_AREA }) === 0
      ? userError(
          'WRONG_APPROVAL_AREA',
          `A special price is a sales exception: a ${role} (level ${level}) or above on the sales ladder decides it.`,
          ['requestId'],
        )
      : userError('FORBIDDEN', `This needs a ${role} (level ${level}) or above.`, ['requestId']),
  ]);
}

/**
 * Approves a pending request with the dealer's terms or the approver's counter terms (price,
 * quantity, validity). The level needed is the request's, or that of the granted terms when they go
 * deeper (FORBIDDEN below it). The special price is granted in prices inside the locked transaction;
 * should the approval not commit, the grant is revoked (both idempotent by request id).
 */
export async function approveSpecialPriceRequest(ctx: OrdersContext, input: ApproveSpecialPriceInput): Promise<SpecialPriceRequestResult> {
  let grantTried: string | null = null;
  try {
    return await onLockedRequest(ctx, 'Mutation.approveSpecialPriceRequest', input.requestId, async (em, request, claims) => {
      requireLevel(claims, request.level);
      const errors: UserError[] = [];
      const counter = readOptionalAmount(input.unitPrice, { field: ['input', 'unitPrice'], example: '12.50' }, errors);
      if (errors.length) throw new Refusal(errors);
      const unitPrice = counter ?? request.wantedUnitPrice;
      if (unitPrice === null)
        throw new Refusal([
          userError('INVALID_INPUT', 'The dealer asked for an offer: give the unit price you grant.', ['input', 'unitPrice']),
        ]);
      const quantity = input.quantity ?? request.quantity;
      const now = new Date();
      const validTo = grantedValidTo({ approverValidTo: input.validTo ?? null, dealerValidTo: request.wantedValidTo, now });
      const problems = termsProblems({ currentUnitPrice: request.currentUnitPrice, unitPrice, quantity, validTo, now });
      if (problems.length) {
        throw new Refusal(
          problems.map((p) =>
            userError(
              p.code,
              p.field === 'validTo' && !input.validTo ? `${p.message} (the dealer's wanted end has passed: give one).` : p.message,
              ['input', p.field],
            ),
          ),
        );
      }
      requireLevel(claims, routeSpecialPrice({ currentUnitPrice: request.currentUnitPrice, unitPrice, quantity }).level);
      const comment = input.comment?.trim() || null;
      if (comment && comment.length > MAX_TEXT)
        throw new Refusal([userError('INVALID_INPUT', `A comment has at most ${MAX_TEXT} characters.`, ['input', 'comment'])]);
      grantTried = request.id;
      const { specialPriceId } = await ctx.services.prices.call('grantSpecialPrice', {
        requestId: request.id,
        dealerId: request.dealerId,
        productId: request.productId,
        unitPrice,
        quantity,
        validFrom: now.toISOString(),
        validTo: validTo.toISOString(),
      });
      Object.assign(request, {
        status: 'APPROVED' satisfies SpecialPriceRequestStatus,
        grantedUnitPrice: unitPrice,
        grantedQuantity: quantity,
        validFrom: now,
        validTo,
        specialPriceId,
        decidedByUserId: claims.sub,
        decidedAt: now,
        decisionComment: comment,
      });
      recordEvent(em, request, claims.sub, 'APPROVED', comment, now);
    });
  } catch (error) {
    // The approval did not commit: a special price granted meanwhile must not stay active.
    if (grantTried) {
      await ctx.services.prices.call('revokeSpecialPrice', { requestId: grantTried }).catch((e: unknown) => {
        ctx.runtime?.logger.warn('could not revoke the special price of an approval that did not commit', {
          requestId: grantTried,
          error: String(e),
        });
      });
    }
    return asFailure(error, 'approved');
  }
}

/** Rejects a pending request with a mandatory reason (an approver at its level or above). */
export function rejectSpecialPriceRequest(
  ctx: OrdersContext,
  input: { requestId: string; reason: string },
): Promise<SpecialPriceRequestResult> {
  // A manager's scope is asked of dealers: should that fail, nothing changed and the caller hears so.
  return onLockedRequest(ctx, 'Mutation.rejectSpecialPriceRequest', input.requestId, async (em, request, claims) => {
    requireLevel(claims, request.level);
    const reason = input.reason?.trim() ?? '';
    if (!reason || reason.length > MAX_TEXT)
      throw new Refusal([userError('INVALID_INPUT', `Give the dealer a reason, in 1 to ${MAX_TEXT} characters.`, ['reason'])]);
    const now = new Date();
    Object.assign(request, {
      status: 'REJECTED' satisfies SpecialPriceRequestStatus,
      decidedByUserId: claims.sub,
      decidedAt: now,
      decisionComment: reason,
    });
    recordEvent(em, request, claims.sub, 'REJECTED', reason, now);
  }).catch((error: unknown) => asFailure(error, 'rejected'));
}
