import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { RULE_AREAS, type RuleArea } from './domain/approval-areas.js';
import type { ApprovalRuleKind, ApprovalRuleParameters } from './domain/approval-routing.js';

/** One approval rule (see domain/approval-routing.ts), editable by ADMIN; every change is kept in approval_rule_change. */
@Entity({ tableName: 'approval_rule' })
export class ApprovalRule {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'deadlineHours' | 'enabled' | 'area';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Stable name, also stored on the approval steps it asks for (e.g. AMOUNT_OVER_10000). */
  @Property({ type: 'text', unique: true })
  name!: string;

  @Property({ type: 'text' })
  kind!: ApprovalRuleKind;

  /** Rules of one group are alternatives: the highest level that fires wins. */
  @Property({ type: 'text', fieldName: 'rule_group' })
  group!: string;

  @Property({ type: 'integer' })
  level!: number;

  /** Whose ladder decides its steps: SALES or FINANCE (domain/approval-areas.ts). */
  @Enum({ items: () => RULE_AREAS, default: 'SALES' })
  area: RuleArea = 'SALES';

  /** Kind-specific: threshold (minor units), count, handling, discountBp. */
  @Property({ type: 'jsonb' })
  parameters!: ApprovalRuleParameters;

  @Property({ type: 'integer', nullable: true })
  deadlineHours: number | null = null;

  @Property({ type: 'boolean', default: true })
  enabled: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
