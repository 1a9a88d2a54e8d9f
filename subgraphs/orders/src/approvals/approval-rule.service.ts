import { randomUUID } from 'node:crypto';

import { type PageWindow, readOptionalAmount, refusalUnlessAllowed, requireClaims, type UserError, userError } from '@dealergraph/runtime';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { ApprovalRule } from './approval-rule.entity.js';
import { ApprovalRuleChange, type ApprovalRuleSnapshot } from './approval-rule-change.entity.js';
import { defaultAreaOfRule, type RuleArea } from './domain/approval-areas.js';
import { type ApprovalRuleKind, type ApprovalRuleRow, areaOfRule } from './domain/approval-routing.js';
import { applyRuleEdit, parsePercent, type RuleEdit, ruleProblems } from './domain/approval-rule-edit.js';

type Em = OrdersContext['em'];

/** The rule rows the routing reads, in a stable order (enabled or not: the routing skips disabled ones). */
export async function loadApprovalRules(em: Em): Promise<ApprovalRuleRow[]> {
  const rules = await em.fork().find(ApprovalRule, {}, { orderBy: { level: 'asc', name: 'asc' } });
  return rules.map(toRow);
}

const toRow = (r: ApprovalRule): ApprovalRuleRow => ({
  name: r.name,
  kind: r.kind,
  group: r.group,
  level: r.level,
  area: r.area,
  parameters: { ...r.parameters },
  deadlineHours: r.deadlineHours,
  enabled: r.enabled,
});

const snapshot = (row: ApprovalRuleRow): ApprovalRuleSnapshot => ({ ...row, parameters: { ...row.parameters } });

/** A change as the API sends it: amounts and percentages are decimal strings. */
export interface RuleChangeInput {
  enabled?: boolean | null;
  level?: number | null;
  /** SALES or FINANCE: whose ladder decides the rule's steps. */
  area?: string | null;
  deadlineHours?: number | null;
  /** Set to true to go back to the level's default deadline. */
  clearDeadline?: boolean | null;
  threshold?: string | null;
  discountPercent?: string | null;
  count?: number | null;
  handling?: string[] | null;
  reason: string;
}

export interface RuleCreateInput extends RuleChangeInput {
  name: string;
  kind: string;
  group: string;
  level: number;
}

export interface ApprovalRuleResult {
  rule: ApprovalRule | null;
  userErrors: UserError[];
}

const refuse = (...errors: UserError[]): ApprovalRuleResult => ({ rule: null, userErrors: errors });

/** Reads the decimal inputs into an edit, or the problems with them. */
function readEdit(input: RuleChangeInput): { edit: RuleEdit } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const edit: RuleEdit = {};
  if (input.enabled != null) edit.enabled = input.enabled;
  if (input.level != null) edit.level = input.level;
  if (input.area != null) edit.area = input.area.trim().toUpperCase() as RuleArea;
  if (input.clearDeadline) edit.deadlineHours = null;
  else if (input.deadlineHours != null) edit.deadlineHours = input.deadlineHours;
  if (input.count != null) edit.count = input.count;
  if (input.handling != null) edit.handling = input.handling.map((h) => h.trim().toUpperCase());
  const threshold = readOptionalAmount(input.threshold, { field: ['input', 'threshold'], example: '20000.00' }, errors);
  if (threshold !== null) edit.threshold = threshold;
  if (input.discountPercent != null) {
    const bp = parsePercent(input.discountPercent);
    if (bp === null)
      errors.push(
        userError('INVALID_THRESHOLD', `"${input.discountPercent}" is not a percentage such as "45.00".`, ['input', 'discountPercent']),
      );
    else edit.discountBp = bp;
  }
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 3 || reason.length > 500)
    errors.push(
      userError('REASON_REQUIRED', 'Say why the rule changes (3-500 characters): it goes into the audit trail.', ['input', 'reason']),
    );
  return errors.length ? { errors } : { edit };
}

/** FORBIDDEN unless the authorization matrix's row lets the caller run `operation` (ADMIN only). */
const refusalOf = (ctx: OrdersContext, operation: 'Mutation.updateApprovalRule' | 'Mutation.createApprovalRule') =>
  refusalUnlessAllowed(requireClaims(ctx.claims), operation, "Only the portal's ADMIN changes approval rules.");

/**
 * Changes one rule (enabled, level, deadline, its kind's parameter), ADMIN only. The rule row is
 * locked, the change checked whole, and the audit row written in the same transaction: concurrent
 * changes apply one after the other, each audited against the value it replaced.
 */
export async function updateApprovalRule(ctx: OrdersContext, name: string, input: RuleChangeInput): Promise<ApprovalRuleResult> {
  const forbidden = refusalOf(ctx, 'Mutation.updateApprovalRule');
  if (forbidden) return refuse(forbidden);
  const read = readEdit(input);
  if ('errors' in read) return refuse(...read.errors);
  if (Object.keys(read.edit).length === 0) return refuse(userError('NOTHING_TO_CHANGE', 'Name at least one thing to change.', ['input']));
  const claims = requireClaims(ctx.claims);
  return ctx.em.fork().transactional(async (em) => {
    const rule = await em.findOne(ApprovalRule, { name: name.trim() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!rule) return refuse(userError('NOT_FOUND', `There is no approval rule named "${name}".`, ['name']));
    const before = toRow(rule);
    const after = applyRuleEdit(before, read.edit);
    const problems = ruleProblems(after);
    if (problems.length) return refuse(...problems.map((p) => userError(p.code, p.message, p.field)));
    Object.assign(rule, {
      level: after.level,
      area: areaOfRule(after),
      parameters: after.parameters,
      deadlineHours: after.deadlineHours,
      enabled: after.enabled,
    });
    em.persist(audit(rule.id, 'UPDATED', claims, before, after, input.reason.trim()));
    await em.flush();
    return { rule, userErrors: [] };
  });
}

/** Adds a rule (ADMIN only), audited as CREATED; a taken name is DUPLICATE_NAME. */
export async function createApprovalRule(ctx: OrdersContext, input: RuleCreateInput): Promise<ApprovalRuleResult> {
  const forbidden = refusalOf(ctx, 'Mutation.createApprovalRule');
  if (forbidden) return refuse(forbidden);
  const read = readEdit(input);
  if ('errors' in read) return refuse(...read.errors);
  const claims = requireClaims(ctx.claims);
  const blank: ApprovalRuleRow = {
    name: input.name.trim(),
    kind: input.kind.trim() as ApprovalRuleKind,
    group: input.group.trim(),
    level: input.level,
    area: defaultAreaOfRule(input.kind.trim()),
    parameters: {},
    deadlineHours: null,
    enabled: true,
  };
  const row = applyRuleEdit(blank, read.edit);
  const problems = ruleProblems(row);
  if (problems.length) return refuse(...problems.map((p) => userError(p.code, p.message, p.field)));
  try {
    return await ctx.em.fork().transactional(async (em) => {
      const rule = em.create(ApprovalRule, { id: randomUUID(), ...row });
      em.persist(rule);
      em.persist(audit(rule.id, 'CREATED', claims, null, row, input.reason.trim()));
      await em.flush();
      return { rule, userErrors: [] };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      return refuse(userError('DUPLICATE_NAME', `A rule named "${row.name}" exists already: change it instead.`, ['input', 'name']));
    throw error;
  }
}

function audit(
  ruleId: string,
  action: 'CREATED' | 'UPDATED',
  claims: { sub: string; email: string },
  before: ApprovalRuleRow | null,
  after: ApprovalRuleRow,
  reason: string,
) {
  return Object.assign(new ApprovalRuleChange(), {
    id: randomUUID(),
    ruleId,
    ruleName: after.name,
    action,
    changedByUserId: claims.sub,
    changedByEmail: claims.email,
    at: new Date(),
    before: before ? snapshot(before) : null,
    after: snapshot(after),
    reason,
  });
}

/** Every rule, lowest level first. */
export async function listApprovalRules(ctx: OrdersContext): Promise<ApprovalRule[]> {
  return ctx.em.find(ApprovalRule, {}, { orderBy: { level: 'asc', name: 'asc' } });
}

/** The audit trail, newest first; one rule's when `ruleName` is given. */
export async function listApprovalRuleChanges(
  ctx: OrdersContext,
  ruleName: string | null,
  window: PageWindow,
): Promise<[ApprovalRuleChange[], number]> {
  const where = ruleName ? { ruleName: ruleName.trim() } : {};
  return ctx.em.findAndCount(ApprovalRuleChange, where, {
    orderBy: { at: 'desc', id: 'desc' },
    offset: window.offset,
    limit: window.limit,
  });
}
