import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A rule as the audit trail stores it before and after a change. */
export interface ApprovalRuleSnapshot {
  name: string;
  kind: string;
  group: string;
  level: number;
  /** SALES or FINANCE; absent in changes recorded before areas existed. */
  area?: string;
  parameters: Record<string, unknown>;
  deadlineHours: number | null;
  enabled: boolean;
}

/** One change of an approval rule: who, when, the rule before and after, and why. Never updated or deleted. */
@Entity({ tableName: 'approval_rule_change' })
@Index({ properties: ['ruleId', 'at'] })
export class ApprovalRuleChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  ruleId!: string;

  @Property({ type: 'text' })
  ruleName!: string;

  /** CREATED or UPDATED. */
  @Property({ type: 'text' })
  action!: 'CREATED' | 'UPDATED';

  @Property({ type: 'uuid' })
  changedByUserId!: string;

  @Property({ type: 'text' })
  changedByEmail!: string;

  @Index()
  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Null for a created rule. */
  @Property({ type: 'jsonb', nullable: true })
  before!: ApprovalRuleSnapshot | null;

  @Property({ type: 'jsonb' })
  after!: ApprovalRuleSnapshot;

  @Property({ type: 'text' })
  reason!: string;
}
