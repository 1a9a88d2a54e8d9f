import { registerEnumType } from 'type-graphql';

/** The GraphQL face of domain/approval-state.ts (same names). */
export enum ApprovalStateEnum {
  NOT_REQUIRED = 'NOT_REQUIRED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApprovalStateEnum, {
  name: 'ApprovalState',
  description: 'Where an order stands with its approvals.',
  valuesConfig: {
    NOT_REQUIRED: { description: 'No approval rule applied: the order was approved automatically.' },
    PENDING: { description: 'Waits for an approver: see currentApprovalStep and estimatedDecisionAt.' },
    APPROVED: { description: 'Every step of its chain was approved.' },
    REJECTED: { description: 'An approver rejected it: see Order.rejection.' },
    WITHDRAWN: { description: 'Cancelled while it still waited for an approval.' },
  },
});
