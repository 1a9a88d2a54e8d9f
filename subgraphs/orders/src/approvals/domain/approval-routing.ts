/**
 * Who must approve an order before it becomes APPROVED. The rules are data (rows of the
 * approval_rule table, editable by ADMIN): each has a kind, parameters, a level and a group. Rules of
 * one `group` are alternatives (the highest level that fires wins: an order over 50,000.00 needs a
 * SALES_DIRECTOR, not also a REGIONAL_MANAGER); steps of different groups form a chain, lowest level
 * first. Each step is on an area's ladder (approval-areas.ts: the rule row's area, SALES or
 * FINANCE). A placing user over their spending limit adds the dealer's own DEALER step before all.
 * Disabled rules never fire. No step: the order is approved automatically.
 */

import {
  type ApprovalArea,
  DEALER_APPROVER_ROLE,
  DEALER_STEP_LEVEL,
  defaultAreaOfRule,
  type RuleArea,
  rungAtOrAbove,
} from './approval-areas.js';
import { type SpendingInput, spendingLimitReason } from './spending-limit.js';

/** What a rule looks at. */
export const APPROVAL_RULE_KINDS = [
  'ORDER_TOTAL_ABOVE',
  'CREDIT_EXCEEDANCE',
  'BELOW_MINIMUM_ORDER',
  'SPECIAL_PRICE',
  'SPECIAL_PRODUCT',
  'NEW_DEALER_FIRST_ORDERS',
  'NON_CAMPAIGN_DISCOUNT',
] as const;
export type ApprovalRuleKind = (typeof APPROVAL_RULE_KINDS)[number];

/** Product handling classes a SPECIAL_PRODUCT rule can name (products' `handling`). */
export const PRODUCT_HANDLING = ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA', 'HAZARDOUS'] as const;

/** Price rules that are standard terms or a campaign; any other source of a discount is non-campaign. */
export const CAMPAIGN_OR_STANDARD_PRICE_RULES: readonly string[] = Object.freeze(['TIER', 'VOLUME_BREAK', 'PROMOTION']);

/** A rule's parameters; each kind reads its own (see ruleProblems). */
export interface ApprovalRuleParameters {
  /** ORDER_TOTAL_ABOVE: fires when the total is above this, in minor units. */
  threshold?: number;
  /** NEW_DEALER_FIRST_ORDERS: how many first orders of a new dealer are reviewed. */
  count?: number;
  /** SPECIAL_PRODUCT: the handling classes that fire. */
  handling?: string[];
  /** NON_CAMPAIGN_DISCOUNT: fires when such a line's discount off list is above this, in basis points. */
  discountBp?: number;
}

/** One row of the rule table, as data. */
export interface ApprovalRuleRow {
  name: string;
  kind: ApprovalRuleKind;
  group: string;
  /** The level its step needs (CREDIT_EXCEEDANCE: at least the level credit asks for). */
  level: number;
  /**
   * The area whose ladder decides its step (domain/approval-areas.ts); absent: the kind's default
   * (CREDIT_EXCEEDANCE FINANCE, the rest SALES).
   */
  area?: RuleArea;
  parameters: ApprovalRuleParameters;
  /** Hours its step may wait before escalating; null: the level's default. */
  deadlineHours: number | null;
  enabled: boolean;
}

/** What credit said about the order (see CreditDecision in the internal contracts). */
export interface RoutingCredit {
  outcome: 'ACCEPT' | 'APPROVAL' | 'REFUSE' | 'PARTIAL' | 'PAYMENT_REQUIRED';
  /** The level credit asks for when `outcome` is APPROVAL (4 = FINANCE). */
  approvalLevel: number | null;
  reason: string | null;
}

/** The dealer's minimum order amount and what happens below it. */
export interface MinimumOrderPolicy {
  /** Minor units; 0: no minimum. */
  minimumAmount: number;
  /** REFUSE: a userError; APPROVAL: a level-1 approver decides. */
  belowMinimum: 'REFUSE' | 'APPROVAL';
}

/** One priced line, as the quote from prices and the product lookup describe it. */
export interface RoutingLine {
  sku: string;
  /** The price came from a SPECIAL_PRICE (a dealer agreement). */
  specialPrice: boolean;
  /** The price rules that applied, e.g. TIER, SPECIAL_PRICE, VOLUME_BREAK, PROMOTION. */
  appliedRules: readonly string[];
  /** Discount off the list price, basis points. */
  discountBp: number;
  /** The product's handling classes (CONTRACT_ONLY, IMPORTED, QUOTA, HAZARDOUS); empty for an ordinary one. */
  handling: readonly string[];
  /**
   * The price is a special price an approver granted through a special price request: it was
   * decided already, so the price rules do not ask for a second approval of it.
   */
  preApproved?: boolean;
}

/** What the routing knows of the dealer's history. */
export interface RoutingDealer {
  /** False while a new dealer's first orders still need review. */
  firstOrdersReviewed: boolean;
  /** Orders of the dealer placed before this one (not cancelled in placement). */
  previousOrders: number;
}

export interface RoutingInput {
  /** Order total in minor units. */
  total: number;
  currency: string;
  credit: RoutingCredit;
  minimum: MinimumOrderPolicy;
  /** The order's lines; none: line rules do not fire. */
  lines?: readonly RoutingLine[];
  /** Null: unknown, the new-dealer rule does not fire. */
  dealer?: RoutingDealer | null;
  /** The rule table; the demo rules when omitted. */
  rules?: readonly ApprovalRuleRow[];
  /** The placing user's spending limits and this month's spend (domain/spending-limit.ts); null: none. */
  spending?: Omit<SpendingInput, 'total' | 'currency'> | null;
}

/** The rule name a dealer's own step carries. */
export const SPENDING_LIMIT_RULE = 'SPENDING_LIMIT';

/** One step of an approval chain. */
export interface ApprovalStepPlan {
  level: number;
  /** Whose ladder decides it: see domain/approval-areas.ts. */
  area: ApprovalArea;
  role: string;
  /** The rule that asked for it, e.g. AMOUNT_OVER_10000. */
  rule: string;
  reason: string;
  /** Hours it may wait; null: the level's default. */
  deadlineHours: number | null;
}

export type RoutingDecision =
  | { outcome: 'AUTO_APPROVE'; steps: [] }
  | { outcome: 'APPROVAL'; steps: ApprovalStepPlan[] }
  | { outcome: 'REFUSE'; code: string; message: string };

const amount = (minor: number) => `${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;
const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')} %`;

/** The demo rules (the CREDIT and AMOUNT rows of the seeded table). */
export const DEMO_APPROVAL_RULES: readonly ApprovalRuleRow[] = Object.freeze([
  {
    name: 'AMOUNT_OVER_10000',
    kind: 'ORDER_TOTAL_ABOVE',
    group: 'AMOUNT',
    level: 2,
    area: 'SALES',
    parameters: { threshold: 1_000_000 },
    deadlineHours: null,
    enabled: true,
  },
  {
    name: 'AMOUNT_OVER_50000',
    kind: 'ORDER_TOTAL_ABOVE',
    group: 'AMOUNT',
    level: 3,
    area: 'SALES',
    parameters: { threshold: 5_000_000 },
    deadlineHours: null,
    enabled: true,
  },
  {
    name: 'CREDIT_APPROVAL',
    kind: 'CREDIT_EXCEEDANCE',
    group: 'CREDIT',
    level: 4,
    area: 'FINANCE',
    parameters: {},
    deadlineHours: null,
    enabled: true,
  },
  {
    name: 'BELOW_MINIMUM_ORDER',
    kind: 'BELOW_MINIMUM_ORDER',
    group: 'MINIMUM',
    level: 1,
    area: 'SALES',
    parameters: {},
    deadlineHours: null,
    enabled: true,
  },
] satisfies ApprovalRuleRow[]);

/**
 * The whole seeded table: the demo rules plus the new kinds. SPECIAL_PRICE starts disabled: a
 * dealer's special price was itself approved when it was agreed, and sending every order that uses
 * it to a person again is the over-approval the guide warns about; ADMIN can turn it on.
 */
export const SEEDED_APPROVAL_RULES: readonly ApprovalRuleRow[] = Object.freeze([
  ...DEMO_APPROVAL_RULES,
  {
    name: 'SPECIAL_PRICE',
    kind: 'SPECIAL_PRICE',
    group: 'SPECIAL_PRICE',
    level: 1,
    area: 'SALES',
    parameters: {},
    deadlineHours: null,
    enabled: false,
  },
  {
    name: 'SPECIAL_PRODUCT',
    kind: 'SPECIAL_PRODUCT',
    group: 'SPECIAL_PRODUCT',
    level: 1,
    area: 'SALES',
    parameters: { handling: [...PRODUCT_HANDLING] },
    deadlineHours: null,
    enabled: true,
  },
  {
    name: 'NEW_DEALER_FIRST_ORDERS',
    kind: 'NEW_DEALER_FIRST_ORDERS',
    group: 'NEW_DEALER',
    level: 1,
    area: 'SALES',
    parameters: { count: 3 },
    deadlineHours: null,
    enabled: true,
  },
  {
    name: 'NON_CAMPAIGN_DISCOUNT',
    kind: 'NON_CAMPAIGN_DISCOUNT',
    group: 'DISCOUNT',
    level: 2,
    area: 'SALES',
    parameters: { discountBp: 4_500 },
    deadlineHours: null,
    enabled: true,
  },
] satisfies ApprovalRuleRow[]);

/** The lines that carry a discount from outside the standard terms and campaigns (today: a special price). */
const nonCampaign = (line: RoutingLine) => line.appliedRules.some((rule) => !CAMPAIGN_OR_STANDARD_PRICE_RULES.includes(rule));

const skuList = (lines: readonly RoutingLine[]) => {
  const skus = lines.map((l) => l.sku);
  return skus.length > 3 ? `${skus.slice(0, 3).join(', ')} and ${skus.length - 3} more` : skus.join(', ');
};

/** The step a rule asks for, or null when it does not fire. */
function stepOf(rule: ApprovalRuleRow, input: RoutingInput): { level: number; reason: string } | null {
  const { total, currency, credit, minimum, lines = [], dealer = null } = input;
  const p = rule.parameters;
  switch (rule.kind) {
    case 'ORDER_TOTAL_ABOVE':
      return p.threshold !== undefined && total > p.threshold
        ? { level: rule.level, reason: `The order total ${amount(total)} ${currency} is above ${amount(p.threshold)}.` }
        : null;
    case 'CREDIT_EXCEEDANCE':
      // Credit's own level is the floor: an over-limit hold is released only by the level credit names.
      return credit.outcome === 'APPROVAL'
        ? { level: Math.max(rule.level, credit.approvalLevel ?? rule.level), reason: credit.reason ?? 'Credit asks for an approval.' }
        : null;
    case 'BELOW_MINIMUM_ORDER':
      return minimum.belowMinimum === 'APPROVAL' && minimum.minimumAmount > 0 && total < minimum.minimumAmount
        ? {
            level: rule.level,
            reason: `The order total is below the minimum order amount of ${amount(minimum.minimumAmount)} ${currency}.`,
          }
        : null;
    case 'SPECIAL_PRICE': {
      const special = lines.filter((l) => l.specialPrice && !l.preApproved);
      return special.length ? { level: rule.level, reason: `Priced from a special price: ${skuList(special)}.` } : null;
    }
    case 'SPECIAL_PRODUCT': {
      const wanted = p.handling ?? [];
      const special = lines.filter((l) => l.handling.some((h) => wanted.includes(h)));
      const classes = [...new Set(special.flatMap((l) => l.handling.filter((h) => wanted.includes(h))))].sort();
      return special.length ? { level: rule.level, reason: `Special products (${classes.join(', ')}): ${skuList(special)}.` } : null;
    }
    case 'NEW_DEALER_FIRST_ORDERS':
      return dealer && !dealer.firstOrdersReviewed && p.count !== undefined && dealer.previousOrders < p.count
        ? { level: rule.level, reason: `One of a new dealer's first ${p.count} orders (this is order ${dealer.previousOrders + 1}).` }
        : null;
    case 'NON_CAMPAIGN_DISCOUNT': {
      const deep = lines.filter((l) => !l.preApproved && nonCampaign(l) && p.discountBp !== undefined && l.discountBp > p.discountBp);
      return deep.length
        ? {
            level: rule.level,
            reason: `A discount outside the tier, volume breaks and promotions above ${percent(p.discountBp!)}: ${skuList(deep)}.`,
          }
        : null;
    }
  }
}

/** The area a rule's step belongs to: the rule row's, or its kind's default. */
export const areaOfRule = (rule: Pick<ApprovalRuleRow, 'area' | 'kind'>): RuleArea => rule.area ?? defaultAreaOfRule(rule.kind);

/** A rule's step at `level`, lifted to the first rung of the rule's area at or above it (its top when above all). */
function planStep(rule: ApprovalRuleRow, level: number, reason: string): ApprovalStepPlan {
  const area = areaOfRule(rule);
  const rung = rungAtOrAbove({ area, level }) ?? { level, role: `LEVEL_${level}` };
  return { level: rung.level, area, role: rung.role, rule: rule.name, reason, deadlineHours: rule.deadlineHours };
}

/** The dealer's own step: a DEALER_ADMIN of the order's dealer decides it (approval-areas.ts). */
export const dealerStep = (reason: string): ApprovalStepPlan => ({
  level: DEALER_STEP_LEVEL,
  area: 'DEALER',
  role: DEALER_APPROVER_ROLE,
  rule: SPENDING_LIMIT_RULE,
  reason,
  deadlineHours: null,
});

/**
 * Routes an order: refused (below a refusing minimum), approved automatically, or an approval chain
 * (the dealer's own step first when the placing user is over a spending limit, then one step per
 * rule group that fired, lowest level first).
 */
export function routeOrder(input: RoutingInput): RoutingDecision {
  const { total, minimum, currency, rules = DEMO_APPROVAL_RULES } = input;
  if (minimum.belowMinimum === 'REFUSE' && minimum.minimumAmount > 0 && total < minimum.minimumAmount) {
    return {
      outcome: 'REFUSE',
      code: 'BELOW_MINIMUM_ORDER',
      message: `The order total ${amount(total)} ${currency} is below this dealer's minimum order amount of ${amount(minimum.minimumAmount)} ${currency}: add ${amount(minimum.minimumAmount - total)} ${currency} more.`,
    };
  }
  const byGroup = new Map<string, ApprovalStepPlan>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const step = stepOf(rule, input);
    if (!step) continue;
    const current = byGroup.get(rule.group);
    const planned = planStep(rule, step.level, step.reason);
    if (!current || planned.level > current.level) byGroup.set(rule.group, planned);
  }
  const steps = [...byGroup.values()].sort((a, b) => a.level - b.level || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  // The dealer's own decision comes before any of the distributor's.
  const over = input.spending ? spendingLimitReason({ ...input.spending, total, currency }) : null;
  if (over) steps.unshift(dealerStep(over));
  return steps.length === 0 ? { outcome: 'AUTO_APPROVE', steps: [] } : { outcome: 'APPROVAL', steps };
}

/**
 * The step credit asks for when it will hold an order only with an approver's consent (at placement,
 * or when an approval of a pending order finds the credit changed): the enabled CREDIT_EXCEEDANCE
 * rule's step, at the level credit names or the rule's level, whichever is higher, as routeOrder
 * plans it. The one place that builds it.
 */
export function creditApprovalStep({
  approvalLevel,
  reason,
  rules = DEMO_APPROVAL_RULES,
}: {
  approvalLevel: number | null;
  reason: string | null;
  rules?: readonly ApprovalRuleRow[];
}): ApprovalStepPlan {
  const rule =
    rules.find((r) => r.kind === 'CREDIT_EXCEEDANCE' && r.enabled) ?? DEMO_APPROVAL_RULES.find((r) => r.kind === 'CREDIT_EXCEEDANCE')!;
  return planStep(rule, Math.max(rule.level, approvalLevel ?? rule.level), reason ?? 'Credit asks for an approval.');
}
