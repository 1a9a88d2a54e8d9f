import { ConfigError, type Env, envInt, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

import { type CreditThresholds, DEFAULT_THRESHOLDS, thresholdsProblem } from './domain/credit.js';

/** Settings of the credit subgraph; the only place it reads the environment. */
export interface CreditConfig extends SubgraphConfig {
  /** Days past due of the oldest overdue invoice at which a dealer's credit turns WARNING, RESTRICTED, BLOCKED. */
  thresholds: CreditThresholds;
  /** The approval level an order over a SOFT_WARNING dealer's limit waits for (CREDIT_SOFT_WARNING_APPROVAL_LEVEL, FINANCE = 4 by default). */
  softWarningApprovalLevel: number;
}

/** Reads the SOFT_WARNING approval level: a level of the approval ladder, 1 to 5. */
export function readSoftWarningApprovalLevel(env: Env): number {
  const level = envInt(env, 'CREDIT_SOFT_WARNING_APPROVAL_LEVEL', 4);
  if (level < 1 || level > 5)
    throw new ConfigError(`CREDIT_SOFT_WARNING_APPROVAL_LEVEL must be an approval level from 1 to 5, got ${level}.`);
  return level;
}

/** Reads the ageing thresholds from an environment; the launcher, which runs credit in-process, uses it too. */
export function readCreditThresholds(env: Env): CreditThresholds {
  const thresholds: CreditThresholds = {
    warningDays: envInt(env, 'CREDIT_WARNING_DAYS', DEFAULT_THRESHOLDS.warningDays),
    restrictedDays: envInt(env, 'CREDIT_RESTRICTED_DAYS', DEFAULT_THRESHOLDS.restrictedDays),
    blockedDays: envInt(env, 'CREDIT_BLOCKED_DAYS', DEFAULT_THRESHOLDS.blockedDays),
  };
  const problem = thresholdsProblem(thresholds);
  if (problem) throw new ConfigError(`CREDIT_WARNING_DAYS, CREDIT_RESTRICTED_DAYS, CREDIT_BLOCKED_DAYS: ${problem}.`);
  return thresholds;
}

export function loadConfig(env: Env = process.env): CreditConfig {
  return {
    ...readSubgraphConfig(env, 4004, 'CREDIT_PORT'),
    thresholds: readCreditThresholds(env),
    softWarningApprovalLevel: readSoftWarningApprovalLevel(env),
  };
}
