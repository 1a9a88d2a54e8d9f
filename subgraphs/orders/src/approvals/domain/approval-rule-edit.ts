import { levelsOf, roleOfStep, RULE_AREAS, type RuleArea } from './approval-areas.js';
import {
  APPROVAL_RULE_KINDS,
  type ApprovalRuleParameters,
  type ApprovalRuleRow,
  areaOfRule,
  PRODUCT_HANDLING,
} from './approval-routing.js';

/**
 * What ADMIN may change in the approval rule table, checked before anything is written: a rule that
 * fails any check is refused whole, with one problem per bad value.
 */

/** One reason a rule cannot be saved as asked. */
export interface RuleProblem {
  code: string;
  message: string;
  field: string[];
}

/** The parts of a rule an edit may change; absent: unchanged. */
export interface RuleEdit {
  enabled?: boolean;
  level?: number;
  /** Whose ladder decides the rule's steps. */
  area?: RuleArea;
  /** null: back to the level's default deadline. */
  deadlineHours?: number | null;
  /** ORDER_TOTAL_ABOVE, minor units. */
  threshold?: number;
  /** NON_CAMPAIGN_DISCOUNT, basis points. */
  discountBp?: number;
  /** NEW_DEALER_FIRST_ORDERS. */
  count?: number;
  /** SPECIAL_PRODUCT. */
  handling?: string[];
}

/** Longest deadline a step may be given: 30 days. */
export const MAX_DEADLINE_HOURS = 720;
const NAME = /^[A-Z][A-Z0-9_]{2,63}$/;

/** The parameters each kind reads; an edit of another kind's parameter is refused. */
const PARAMETERS_OF: Readonly<Record<string, readonly (keyof ApprovalRuleParameters)[]>> = {
  ORDER_TOTAL_ABOVE: ['threshold'],
  CREDIT_EXCEEDANCE: [],
  BELOW_MINIMUM_ORDER: [],
  SPECIAL_PRICE: [],
  SPECIAL_PRODUCT: ['handling'],
  NEW_DEALER_FIRST_ORDERS: ['count'],
  NON_CAMPAIGN_DISCOUNT: ['discountBp'],
};

/** Everything wrong with a rule as it would be saved. */
export function ruleProblems(rule: ApprovalRuleRow): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (code: string, message: string, field: string) => problems.push({ code, message, field: ['input', field] });
  if (!NAME.test(rule.name))
    add('INVALID_NAME', 'A rule name is 3-64 characters of A-Z, 0-9 and _, starting with a letter (e.g. AMOUNT_OVER_20000).', 'name');
  if (!(APPROVAL_RULE_KINDS as readonly string[]).includes(rule.kind))
    add('INVALID_KIND', `The kind must be one of ${APPROVAL_RULE_KINDS.join(', ')}.`, 'kind');
  if (!NAME.test(rule.group))
    add('INVALID_GROUP', 'A group is 3-64 characters of A-Z, 0-9 and _ (rules of one group are alternatives).', 'group');
  const area = areaOfRule(rule);
  if (!(RULE_AREAS as readonly string[]).includes(area)) add('INVALID_AREA', `The area must be one of ${RULE_AREAS.join(', ')}.`, 'area');
  else if (!Number.isInteger(rule.level) || rule.level < 1 || rule.level > 5)
    add('INVALID_LEVEL', 'The level must be 1 (SALES_REP) to 5 (GENERAL_MANAGER).', 'level');
  else if (!levelsOf(area).includes(rule.level))
    add(
      'INVALID_LEVEL',
      `A ${area} rule is decided on its area's ladder: level ${levelsOf(area)
        .map((level) => `${level} (${roleOfStep({ area, level })})`)
        .join(', ')}.`,
      'level',
    );
  else if (rule.kind === 'CREDIT_EXCEEDANCE' && rule.level < 4)
    add(
      'INVALID_LEVEL',
      'Credit exceedance is decided by FINANCE (level 4) or above: credit releases an over-limit hold only on their approval.',
      'level',
    );
  if (rule.kind === 'CREDIT_EXCEEDANCE' && !rule.enabled) {
    add(
      'INVALID_CHANGE',
      "Credit exceedance follows each dealer's credit policy and cannot be turned off here: change the dealer's exceedance policy instead.",
      'enabled',
    );
  }
  if (
    rule.deadlineHours !== null &&
    (!Number.isInteger(rule.deadlineHours) || rule.deadlineHours < 1 || rule.deadlineHours > MAX_DEADLINE_HOURS)
  ) {
    add(
      'INVALID_DEADLINE',
      `The deadline must be a whole number of hours from 1 to ${MAX_DEADLINE_HOURS}, or null for the level's default.`,
      'deadlineHours',
    );
  }
  const p = rule.parameters;
  const allowed = PARAMETERS_OF[rule.kind] ?? [];
  for (const key of Object.keys(p) as (keyof ApprovalRuleParameters)[]) {
    if (p[key] !== undefined && !allowed.includes(key)) add('INVALID_PARAMETER', `A ${rule.kind} rule has no ${key}.`, key);
  }
  if (rule.kind === 'ORDER_TOTAL_ABOVE' && (p.threshold === undefined || !Number.isSafeInteger(p.threshold) || p.threshold < 0)) {
    add('INVALID_THRESHOLD', 'An order total rule needs a threshold: an amount of 0.00 or more.', 'threshold');
  }
  if (
    rule.kind === 'NON_CAMPAIGN_DISCOUNT' &&
    (p.discountBp === undefined || !Number.isInteger(p.discountBp) || p.discountBp < 0 || p.discountBp >= 10_000)
  ) {
    add('INVALID_THRESHOLD', 'A non-campaign discount rule needs discountPercent: 0.00 to 99.99.', 'discountPercent');
  }
  if (rule.kind === 'NEW_DEALER_FIRST_ORDERS' && (p.count === undefined || !Number.isInteger(p.count) || p.count < 1 || p.count > 100)) {
    add('INVALID_COUNT', "A new dealer rule needs count: how many of the dealer's first orders (1-100) are reviewed.", 'count');
  }
  if (
    rule.kind === 'SPECIAL_PRODUCT' &&
    (!p.handling || p.handling.length === 0 || p.handling.some((h) => !(PRODUCT_HANDLING as readonly string[]).includes(h)))
  ) {
    add('INVALID_HANDLING', `A special product rule names one or more of ${PRODUCT_HANDLING.join(', ')}.`, 'handling');
  }
  return problems;
}

/** The rule as it would be after the edit (not checked: see ruleProblems). */
export function applyRuleEdit(rule: ApprovalRuleRow, edit: RuleEdit): ApprovalRuleRow {
  const parameters: ApprovalRuleParameters = { ...rule.parameters };
  if (edit.threshold !== undefined) parameters.threshold = edit.threshold;
  if (edit.discountBp !== undefined) parameters.discountBp = edit.discountBp;
  if (edit.count !== undefined) parameters.count = edit.count;
  if (edit.handling !== undefined) parameters.handling = [...new Set(edit.handling)];
  return {
    ...rule,
    enabled: edit.enabled ?? rule.enabled,
    level: edit.level ?? rule.level,
    area: edit.area ?? areaOfRule(rule),
    deadlineHours: edit.deadlineHours === undefined ? rule.deadlineHours : edit.deadlineHours,
    parameters,
  };
}

/** Basis points from a percentage such as "45" or "12.50"; null when it is not one. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A percentage with two fraction digits from basis points: 4500 -> "45.00". */
export const formatPercent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
