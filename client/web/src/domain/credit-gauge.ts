// The credit gauge on the home page: how much of the limit is taken by open invoices and by approved
// orders not yet invoiced, from the API's exact decimal strings (compared in cents, never as floats).

export interface CreditFacts {
  limit: string;
  openBalance: string;
  pendingOrders: string;
  available: string;
}

const cents = (amount: string): bigint => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return amount.startsWith('-') ? -value : value;
};

export interface Gauge {
  /** Shares of the limit in whole percent (0–100 each, their sum at most 100). */
  balancePercent: number;
  pendingPercent: number;
  usedPercent: number;
  /** More in use than the limit. */
  over: boolean;
}

export function creditGauge(facts: CreditFacts): Gauge {
  const limit = cents(facts.limit);
  const balance = cents(facts.openBalance);
  const pending = cents(facts.pendingOrders);
  const used = balance + pending;
  if (limit <= 0n) return { balancePercent: 0, pendingPercent: 0, usedPercent: used > 0n ? 100 : 0, over: used > 0n };
  const pct = (part: bigint) => Number(((part < 0n ? 0n : part) * 100n) / limit);
  const balancePercent = Math.min(100, pct(balance));
  const pendingPercent = Math.min(100 - balancePercent, pct(pending));
  return { balancePercent, pendingPercent, usedPercent: Math.min(100, pct(used)), over: used > limit };
}
