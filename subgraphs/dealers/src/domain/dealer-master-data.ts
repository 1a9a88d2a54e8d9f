/**
 * A dealer's master data as the distributor's ERP sends it (upsertDealer, DEALERS imports): pure
 * checks and the comparison that makes an upsert idempotent. The ERP's key is the dealer code.
 */

export const DEALER_MASTER_TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
export const DEALER_MASTER_TYPES = ['DISTRIBUTOR', 'WHOLESALER', 'RETAILER'] as const;

/** The fields an upsert sets; each is replaced by the input's value. */
export interface DealerMasterData {
  code: string;
  name: string;
  tier: (typeof DEALER_MASTER_TIERS)[number];
  dealerType: (typeof DEALER_MASTER_TYPES)[number] | null;
  region: string;
  city: string;
  email: string;
  phone: string;
  contractType: string | null;
  active: boolean;
}

export interface DealerInputProblem {
  code: 'INVALID_CODE' | 'REQUIRED' | 'INVALID_EMAIL' | 'INVALID_TIER' | 'INVALID_DEALER_TYPE' | 'TOO_LONG';
  message: string;
  field: string;
}

/** Dealer codes as ERPs write customer numbers: letters, digits, dot, dash, underscore; 1 to 40. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

/** Raw input, trimmed; what a GraphQL input or an import row gives. */
export type DealerMasterInput = { [K in keyof DealerMasterData]?: unknown };

/** Checks and normalizes one dealer: every problem, each with its field, or the data to store. */
export function checkDealerMasterData(
  input: DealerMasterInput,
): { ok: true; value: DealerMasterData } | { ok: false; problems: DealerInputProblem[] } {
  const problems: DealerInputProblem[] = [];
  const text = (field: keyof DealerMasterData, required: boolean): string | null => {
    const raw = input[field];
    const value = typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim();
    if (!value) {
      if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
      return null;
    }
    if (value.length > MAX_TEXT) problems.push({ code: 'TOO_LONG', message: `${field} is longer than ${MAX_TEXT} characters.`, field });
    return value;
  };
  const code = text('code', true);
  if (code && !CODE.test(code))
    problems.push({
      code: 'INVALID_CODE',
      message: `"${code}": a dealer code is 1 to 40 letters, digits, ".", "-" or "_".`,
      field: 'code',
    });
  const name = text('name', true);
  const tier = text('tier', true)?.toUpperCase() ?? null;
  if (tier && !(DEALER_MASTER_TIERS as readonly string[]).includes(tier))
    problems.push({ code: 'INVALID_TIER', message: `"${tier}": the tier is one of ${DEALER_MASTER_TIERS.join(', ')}.`, field: 'tier' });
  const dealerType = text('dealerType', false)?.toUpperCase() ?? null;
  if (dealerType && !(DEALER_MASTER_TYPES as readonly string[]).includes(dealerType))
    problems.push({
      code: 'INVALID_DEALER_TYPE',
      message: `"${dealerType}": the dealer type is one of ${DEALER_MASTER_TYPES.join(', ')}.`,
      field: 'dealerType',
    });
  const region = text('region', true);
  const city = text('city', true);
  const email = text('email', true);
  if (email && !EMAIL.test(email)) problems.push({ code: 'INVALID_EMAIL', message: `"${email}" is not an email address.`, field: 'email' });
  const phone = text('phone', false) ?? '';
  const contractType = text('contractType', false)?.toUpperCase() ?? null;
  const active = input.active == null ? true : input.active === true || /^(true|yes|1)$/i.test(String(input.active));
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      code: code!,
      name: name!,
      tier: tier as DealerMasterData['tier'],
      dealerType: dealerType as DealerMasterData['dealerType'],
      region: region!,
      city: city!,
      email: email!.toLowerCase(),
      phone,
      contractType,
      active,
    },
  };
}

/** The fields whose value differs; empty when an upsert would change nothing. */
export function changedDealerFields(before: DealerMasterData, after: DealerMasterData): (keyof DealerMasterData)[] {
  return (Object.keys(after) as (keyof DealerMasterData)[]).filter((key) => before[key] !== after[key]);
}
