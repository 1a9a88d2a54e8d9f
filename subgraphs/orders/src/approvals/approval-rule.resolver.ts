import { PageArgs, pageWindow, toMoney, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import type { ApprovalRule } from './approval-rule.entity.js';
import * as rules from './approval-rule.service.js';
import {
  ApprovalAreaEnum,
  ApprovalRuleChangeConnection,
  ApprovalRuleChangeType,
  ApprovalRuleKindEnum,
  ApprovalRulePayload,
  ApprovalRuleSettingsType,
  ApprovalRuleType,
  CreateApprovalRuleInput,
  UpdateApprovalRuleInput,
} from './approval-rule.type.js';
import type { ApprovalRuleChange, ApprovalRuleSnapshot } from './approval-rule-change.entity.js';
import { roleOfStep, type RuleArea } from './domain/approval-areas.js';
import { type ApprovalRuleKind, type ApprovalRuleParameters, areaOfRule } from './domain/approval-routing.js';
import { formatPercent } from './domain/approval-rule-edit.js';

/** Amounts of the rule table are in the platform's currency. */
const CURRENCY = 'USD';

function toSettings(rule: ApprovalRuleSnapshot): ApprovalRuleSettingsType {
  const p = rule.parameters as ApprovalRuleParameters;
  // A change recorded before areas has none: the kind's default (the migration gave level-4 rules FINANCE too).
  const area = areaOfRule({ area: rule.area as RuleArea | undefined, kind: rule.kind as ApprovalRuleKind });
  return {
    kind: rule.kind as ApprovalRuleKindEnum,
    group: rule.group,
    level: rule.level,
    area: area as ApprovalAreaEnum,
    role: roleOfStep({ area, level: rule.level }),
    enabled: rule.enabled,
    deadlineHours: rule.deadlineHours,
    threshold: p.threshold === undefined ? null : toMoney(p.threshold, CURRENCY),
    discountPercent: p.discountBp === undefined ? null : formatPercent(p.discountBp),
    count: p.count ?? null,
    handling: p.handling ?? null,
  };
}

const toRuleType = (rule: ApprovalRule): ApprovalRuleType => ({
  ...toSettings({ ...rule, parameters: { ...rule.parameters } }),
  id: rule.id,
  name: rule.name,
  updatedAt: rule.updatedAt,
});

const toChangeType = (c: ApprovalRuleChange): ApprovalRuleChangeType => ({
  id: c.id,
  ruleName: c.ruleName,
  action: c.action,
  changedByUserId: c.changedByUserId,
  changedByEmail: c.changedByEmail,
  at: c.at,
  before: c.before ? toSettings(c.before) : null,
  after: toSettings(c.after),
  reason: c.reason,
});

const toPayload = (result: rules.ApprovalRuleResult): ApprovalRulePayload => ({
  rule: result.rule ? toRuleType(result.rule) : null,
  userErrors: result.userErrors,
});

@Resolver(() => ApprovalRuleType)
export class ApprovalRuleResolver {
  @Authorized('ADMIN')
  @Query(() => [ApprovalRuleType], { description: 'ADMIN: every approval rule, lowest level first.' })
  async approvalRules(@Ctx() ctx: OrdersContext): Promise<ApprovalRuleType[]> {
    return (await rules.listApprovalRules(ctx)).map(toRuleType);
  }

  @Authorized('ADMIN')
  @Query(() => ApprovalRuleChangeConnection, {
    description: "ADMIN: the approval rules' audit trail, newest first; one rule's when ruleName is given.",
  })
  async approvalRuleChanges(
    @Args() args: PageArgs,
    @Arg('ruleName', () => String, { nullable: true, description: 'Only this rule.' }) ruleName: string | null,
    @Ctx() ctx: OrdersContext,
  ) {
    const window = pageWindow(args);
    const [rows, total] = await rules.listApprovalRuleChanges(ctx, ruleName, window);
    return toPage(rows.map(toChangeType), total, window);
  }

  @Authorized()
  @Mutation(() => ApprovalRulePayload, {
    description: 'ADMIN: changes an approval rule (on/off, level, deadline, its threshold); audited with the reason. Others get FORBIDDEN.',
  })
  async updateApprovalRule(
    @Arg('input', () => UpdateApprovalRuleInput, { description: 'The rule and what changes.' }) input: UpdateApprovalRuleInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<ApprovalRulePayload> {
    return toPayload(await rules.updateApprovalRule(ctx, input.name, input));
  }

  @Authorized()
  @Mutation(() => ApprovalRulePayload, { description: 'ADMIN: adds an approval rule; audited with the reason. Others get FORBIDDEN.' })
  async createApprovalRule(
    @Arg('input', () => CreateApprovalRuleInput, { description: 'The new rule.' }) input: CreateApprovalRuleInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<ApprovalRulePayload> {
    return toPayload(await rules.createApprovalRule(ctx, { ...input, kind: input.kind }));
  }
}
