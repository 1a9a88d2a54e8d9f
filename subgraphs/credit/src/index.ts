export { type CreditConfig, loadConfig as loadCreditConfig, readCreditThresholds } from './config.js';
export type { CreditContext, CreditServiceContext } from './context.js';
export { type CreditSettings, creditSubgraph, toolingDefinition } from './definition.js';
export { type CreditStatus, type CreditThresholds, DEFAULT_THRESHOLDS, type ExceedancePolicy } from './domain/credit.js';
export { decideOrderCredit, FINANCE_APPROVAL_LEVEL, type OrderCreditDecision } from './domain/order-credit.js';
export {
  assessOrder,
  type CreditSnapshot,
  placeHold,
  type PlaceHoldInput,
  type PlaceHoldResult,
  readCreditSnapshot,
  releaseHold,
} from './services/hold.service.js';
