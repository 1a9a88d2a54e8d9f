import type { ApprovalAreaEnum } from './approval-rule.type.js';
import type { OrderApprovalStepType } from './order-approval.type.js';
import type { OrderApprovalStep } from './order-approval-step.entity.js';

/** A step of the approval chain; its deadline shows only while it waits. */
export function toApprovalStepType(s: OrderApprovalStep): OrderApprovalStepType {
  return {
    position: s.position,
    level: s.level,
    area: s.area as ApprovalAreaEnum,
    role: s.role,
    rule: s.rule,
    reason: s.reason,
    status: s.status,
    decidedBy: s.decidedByUserId,
    decidedAt: s.decidedAt,
    comment: s.comment,
    dueAt: s.status === 'PENDING' ? s.dueAt : null,
    escalations: s.escalations,
  };
}
