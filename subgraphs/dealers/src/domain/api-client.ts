import { type ApiScope, DEALER_BOUND_SCOPES } from '@dealergraph/runtime';

/** Defaults of a new API client's own budget at the gateway, and the lifetime of its tokens. */
export const API_CLIENT_POLICY = {
  tokenTtlSeconds: 300,
  costPerSecond: 1_000,
  costBurst: 5_000,
  requestsPerMinute: 120,
} as const;

/** Why a client's grant is refused, or null: at least one scope, a dealer exactly when a scope acts for one. */
export function clientGrantRefusal(input: {
  scopes: readonly ApiScope[];
  dealerId: string | null;
}): { code: 'INVALID_SCOPES' | 'DEALER_REQUIRED'; message: string } | null {
  if (input.scopes.length === 0) return { code: 'INVALID_SCOPES', message: 'Grant at least one scope.' };
  const bound = input.scopes.filter((s) => DEALER_BOUND_SCOPES.includes(s));
  if (bound.length > 0 && !input.dealerId)
    return { code: 'DEALER_REQUIRED', message: `${bound.join(' and ')} act for one dealer: give the dealer.` };
  return null;
}

/** A budget figure must be a positive whole number within sense. */
export function isBudgetFigure(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 10_000_000;
}
