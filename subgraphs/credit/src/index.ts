export { creditSubgraph, toolingDefinition, type CreditSettings } from './definition.js';
export { loadConfig as loadCreditConfig, readCreditThresholds, type CreditConfig } from './config.js';
export type { CreditContext, CreditServiceContext } from './context.js';
export { assessOrder, placeHold, releaseHold, readCreditSnapshot, type PlaceHoldInput, type PlaceHoldResult, type CreditSnapshot } from './services/hold.service.js';
export { decideOrderCredit, FINANCE_APPROVAL_LEVEL, type OrderCreditDecision } from './domain/order-credit.js';
export { DEFAULT_THRESHOLDS, type CreditThresholds, type CreditStatus, type ExceedancePolicy } from './domain/credit.js';
