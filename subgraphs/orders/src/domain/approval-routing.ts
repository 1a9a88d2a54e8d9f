/**
 * Who must approve an order before it becomes APPROVED: a table of rules, each looking at the order
 * and answering with an approval step or nothing. Rules of one `group` are alternatives (the
 * highest level that fires wins: an order over 50,000.00 needs a SALES_DIRECTOR, not also a
 * REGIONAL_MANAGER); steps of different groups form a chain, lowest level first. No step: the order
 * is approved automatically. The next issue adds rules by adding rows.
 */

/** The approval roles of the contract, by level. */
export const APPROVAL_ROLES: Readonly<Record<number, string>> = Object.freeze({
  1: 'SALES_REP',
  2: 'REGIONAL_MANAGER',
  3: 'SALES_DIRECTOR',
  4: 'FINANCE',
  5: 'GENERAL_MANAGER',
});

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

export interface RoutingInput {
  /** Order total in minor units. */
  total: number;
  currency: string;
  credit: RoutingCredit;
  minimum: MinimumOrderPolicy;
  /** The rule table; the contract's demo rules when omitted. */
  rules?: readonly ApprovalRule[];
}

/** One step of an approval chain. */
export interface ApprovalStepPlan {
  level: number;
  role: string;
  /** The rule that asked for it, e.g. AMOUNT_OVER_10000. */
  rule: string;
  reason: string;
}

export type RoutingDecision =
  | { outcome: 'AUTO_APPROVE'; steps: [] }
  | { outcome: 'APPROVAL'; steps: ApprovalStepPlan[] }
  | { outcome: 'REFUSE'; code: string; message: string };

/** One row of the rule table. */
export interface ApprovalRule {
  name: string;
  group: string;
  /** The step this rule asks for, or null when it does not fire. */
  step(input: RoutingInput): { level: number; reason: string } | null;
}

const amount = (minor: number) => `${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;

/** The contract's demo rules. */
export const DEMO_APPROVAL_RULES: readonly ApprovalRule[] = Object.freeze([
  {
    name: 'AMOUNT_OVER_10000',
    group: 'AMOUNT',
    step: ({ total, currency }: RoutingInput) =>
      total > 1_000_000 ? { level: 2, reason: `The order total ${amount(total)} ${currency} is above 10,000.00.` } : null,
  },
  {
    name: 'AMOUNT_OVER_50000',
    group: 'AMOUNT',
    step: ({ total, currency }: RoutingInput) =>
      total > 5_000_000 ? { level: 3, reason: `The order total ${amount(total)} ${currency} is above 50,000.00.` } : null,
  },
  {
    name: 'CREDIT_APPROVAL',
    group: 'CREDIT',
    step: ({ credit }: RoutingInput) =>
      credit.outcome === 'APPROVAL' ? { level: credit.approvalLevel ?? 4, reason: credit.reason ?? 'Credit asks for an approval.' } : null,
  },
  {
    name: 'BELOW_MINIMUM_ORDER',
    group: 'MINIMUM',
    step: ({ total, minimum, currency }: RoutingInput) =>
      minimum.belowMinimum === 'APPROVAL' && minimum.minimumAmount > 0 && total < minimum.minimumAmount
        ? { level: 1, reason: `The order total is below the minimum order amount of ${amount(minimum.minimumAmount)} ${currency}.` }
        : null,
  },
]);

/**
 * Routes an order: refused (below a refusing minimum), approved automatically, or an approval chain
 * (one step per rule group that fired, lowest level first).
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
    const step = rule.step(input);
    if (!step) continue;
    const current = byGroup.get(rule.group);
    if (!current || step.level > current.level) {
      byGroup.set(rule.group, { level: step.level, role: APPROVAL_ROLES[step.level] ?? `LEVEL_${step.level}`, rule: rule.name, reason: step.reason });
    }
  }
  const steps = [...byGroup.values()].sort((a, b) => a.level - b.level);
  return steps.length === 0 ? { outcome: 'AUTO_APPROVE', steps: [] } : { outcome: 'APPROVAL', steps };
}

export interface ApproverInput {
  /** The approver's level (0: approves nothing). */
  approverLevel: number;
  /** Levels of the steps still waiting, in chain order. */
  pendingLevels: readonly number[];
}

/**
 * How many of the waiting steps this approver decides at once: every leading step at their level or
 * below (a SALES_DIRECTOR clears a REGIONAL_MANAGER step and their own). 0: they may not decide the
 * next step.
 */
export function stepsDecidedBy({ approverLevel, pendingLevels }: ApproverInput): number {
  let count = 0;
  while (count < pendingLevels.length && pendingLevels[count] <= approverLevel) count += 1;
  return count;
}
