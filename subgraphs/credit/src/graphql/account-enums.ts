import { registerEnumType } from 'type-graphql';

export enum AccountActionEnum {
  NONE = 'NONE',
  PAY_OVERDUE_TO_UNBLOCK = 'PAY_OVERDUE_TO_UNBLOCK',
  PAY_OVERDUE_TO_LIFT_RESTRICTION = 'PAY_OVERDUE_TO_LIFT_RESTRICTION',
  PAY_OVERDUE_TO_CLEAR_WARNING = 'PAY_OVERDUE_TO_CLEAR_WARNING',
  PAY_TO_GET_UNDER_LIMIT = 'PAY_TO_GET_UNDER_LIMIT',
}
registerEnumType(AccountActionEnum, {
  name: 'AccountAction',
  description: 'The most pressing thing a dealer can do about its account.',
  valuesConfig: {
    NONE: { description: 'Nothing is needed.' },
    PAY_OVERDUE_TO_UNBLOCK: { description: 'Pay the invoices at or past the block age to order on account again.' },
    PAY_OVERDUE_TO_LIFT_RESTRICTION: { description: 'Pay the invoices at or past the restriction age to lift the restriction.' },
    PAY_OVERDUE_TO_CLEAR_WARNING: { description: 'Pay the invoices at or past the warning age to clear the warning.' },
    PAY_TO_GET_UNDER_LIMIT: { description: 'Pay the excess over the credit limit.' },
  },
});

export enum CalendarGranularityEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(CalendarGranularityEnum, {
  name: 'CalendarGranularity',
  description: 'How a due-date calendar groups amounts.',
  valuesConfig: { DAY: { description: 'By due day (UTC).' }, WEEK: { description: 'By ISO week, starting Monday (UTC).' } },
});

export enum StatementEntryKindEnum {
  INVOICE = 'INVOICE',
  PAYMENT = 'PAYMENT',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(StatementEntryKindEnum, {
  name: 'StatementEntryKind',
  description: 'What moved the balance.',
  valuesConfig: {
    INVOICE: { description: 'An invoice raised the balance.' },
    PAYMENT: { description: 'A payment lowered the balance.' },
    ADJUSTMENT: { description: 'A credit note (negative) or debit (positive) from accounting.' },
  },
});

export enum CreditRiskSortEnum {
  UTILISATION = 'UTILISATION',
  OVERDUE = 'OVERDUE',
  OLDEST_OVERDUE = 'OLDEST_OVERDUE',
  AVAILABLE = 'AVAILABLE',
}
registerEnumType(CreditRiskSortEnum, {
  name: 'CreditRiskSort',
  description: 'How the risk view orders dealers, riskiest first.',
  valuesConfig: {
    UTILISATION: { description: 'Exposure (open balance + pending orders) as a share of the limit, highest first.' },
    OVERDUE: { description: 'Overdue amount, highest first.' },
    OLDEST_OVERDUE: { description: 'Days past due of the oldest overdue invoice, most first.' },
    AVAILABLE: { description: 'Available credit, lowest (most negative) first.' },
  },
});
