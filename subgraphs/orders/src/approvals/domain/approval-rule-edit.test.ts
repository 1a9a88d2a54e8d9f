import { describe, expect, it } from 'vitest';

import { type ApprovalRuleRow, SEEDED_APPROVAL_RULES } from './approval-routing.js';
import { applyRuleEdit, formatPercent, parsePercent, ruleProblems } from './approval-rule-edit.js';

const rule = (name: string) => SEEDED_APPROVAL_RULES.find((r) => r.name === name)!;
const codes = (row: ApprovalRuleRow) => ruleProblems(row).map((p) => p.code);

describe('approval rule edits', () => {
  it('accepts every seeded rule as it is', () => {
    for (const r of SEEDED_APPROVAL_RULES) expect(ruleProblems(r)).toEqual([]);
  });

  it('applies only what the edit names', () => {
    const edited = applyRuleEdit(rule('AMOUNT_OVER_10000'), { threshold: 2_000_000, deadlineHours: 8 });
    expect(edited).toEqual({ ...rule('AMOUNT_OVER_10000'), parameters: { threshold: 2_000_000 }, deadlineHours: 8 });
    expect(applyRuleEdit(edited, { deadlineHours: null }).deadlineHours).toBeNull();
    expect(applyRuleEdit(rule('SPECIAL_PRICE'), { enabled: true }).enabled).toBe(true);
  });

  it("keeps a rule's level on its area's ladder", () => {
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_50000'), { level: 4 }))).toEqual(['INVALID_LEVEL']);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_50000'), { level: 4, area: 'FINANCE' }))).toEqual([]);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_50000'), { level: 5 }))).toEqual([]);
    expect(codes(applyRuleEdit(rule('CREDIT_APPROVAL'), { level: 3, area: 'SALES' }))).toEqual(['INVALID_LEVEL']);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_10000'), { area: 'DEALER' as never }))).toEqual(['INVALID_AREA']);
  });

  it('refuses bad values with a code each', () => {
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_10000'), { level: 6 }))).toEqual(['INVALID_LEVEL']);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_10000'), { level: 0, deadlineHours: 0 }))).toEqual(['INVALID_LEVEL', 'INVALID_DEADLINE']);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_10000'), { threshold: -1 }))).toEqual(['INVALID_THRESHOLD']);
    expect(codes(applyRuleEdit(rule('AMOUNT_OVER_10000'), { count: 3 }))).toEqual(['INVALID_PARAMETER']);
    expect(codes(applyRuleEdit(rule('NEW_DEALER_FIRST_ORDERS'), { count: 0 }))).toEqual(['INVALID_COUNT']);
    expect(codes(applyRuleEdit(rule('SPECIAL_PRODUCT'), { handling: ['EXPLOSIVE'] }))).toEqual(['INVALID_HANDLING']);
    expect(codes(applyRuleEdit(rule('SPECIAL_PRODUCT'), { handling: [] }))).toEqual(['INVALID_HANDLING']);
    expect(codes(applyRuleEdit(rule('NON_CAMPAIGN_DISCOUNT'), { discountBp: 10_000 }))).toEqual(['INVALID_THRESHOLD']);
    expect(codes({ ...rule('AMOUNT_OVER_10000'), name: 'bad name', group: '' })).toEqual(['INVALID_NAME', 'INVALID_GROUP']);
    expect(codes({ ...rule('AMOUNT_OVER_10000'), kind: 'WHATEVER' as never })).toContain('INVALID_KIND');
  });

  it('keeps credit exceedance with FINANCE or above, and on', () => {
    expect(codes(applyRuleEdit(rule('CREDIT_APPROVAL'), { level: 3 }))).toEqual(['INVALID_LEVEL']);
    expect(codes(applyRuleEdit(rule('CREDIT_APPROVAL'), { level: 5 }))).toEqual([]);
    expect(codes(applyRuleEdit(rule('CREDIT_APPROVAL'), { enabled: false }))).toEqual(['INVALID_CHANGE']);
  });

  it('reads and writes percentages exactly', () => {
    expect(parsePercent('45')).toBe(4_500);
    expect(parsePercent('12.5')).toBe(1_250);
    expect(parsePercent('0.05')).toBe(5);
    for (const bad of ['', 'x', '1.234', '-3', '1e2']) expect(parsePercent(bad)).toBeNull();
    expect(formatPercent(4_505)).toBe('45.05');
  });
});
