/**
 * Notifications about a dealer's account (for its users): credit nearing its limit and invoices
 * coming due or overdue. Pure decisions over what the account shows now and what was already
 * notified, so a planner that runs again, or late, notifies each thing once:
 * - Credit: 80 % and 90 % of the limit used, each once per crossing: a threshold notified stays quiet
 *   while usage stays at or above it, and is armed again once usage falls below it (a payment), so the
 *   next climb past it notifies again. A climb past both at once names only the higher.
 * - Invoices: "due in N days" once, N days before the due date; then each overdue step (15, 30, 45 days
 *   past due) once; a planner that was down over several steps sends only the latest (the earlier are
 *   marked, never sent late). A paid invoice notifies nothing.
 */

export const CREDIT_THRESHOLDS = [80, 90] as const;
export type CreditThreshold = (typeof CREDIT_THRESHOLDS)[number];

/** What to do about one dealer's credit: the threshold to notify (if any) and the notified thresholds to arm again. */
export interface CreditAlertDecision {
  notify: CreditThreshold | null;
  /** Thresholds that count as notified from now on (notify included). */
  notified: CreditThreshold[];
}

/**
 * Credit thresholds crossed (amounts in minor units). `notified` holds the thresholds already
 * notified and not re-armed since. No limit (0 or less) notifies nothing.
 */
export function creditAlert({
  limit,
  used,
  notified,
}: {
  limit: number;
  used: number;
  notified: readonly CreditThreshold[];
}): CreditAlertDecision {
  if (limit <= 0) return { notify: null, notified: [] };
  // Integer arithmetic: 80 % is reached when used * 100 >= limit * 80, with no rounding at the edge.
  const reached = CREDIT_THRESHOLDS.filter((t) => used * 100 >= limit * t);
  const fresh = reached.filter((t) => !notified.includes(t));
  return { notify: fresh.length > 0 ? fresh[fresh.length - 1] : null, notified: [...reached] };
}

export const OVERDUE_STEPS = [15, 30, 45] as const;
export type InvoiceNotice = 'DUE_SOON' | `OVERDUE_${(typeof OVERDUE_STEPS)[number]}`;

const DAY_MS = 86_400_000;

/**
 * The notice an invoice calls for now, if any, and every notice to count as sent (the one sent and
 * the earlier ones it makes pointless). Days are whole days since the due date (UTC).
 */
export function invoiceNotice(input: {
  dueAt: Date;
  now: Date;
  /** N: the "due in N days" reminder (0: none). */
  dueSoonDays: number;
  paid: boolean;
  sent: readonly InvoiceNotice[];
}): { notify: InvoiceNotice | null; sent: InvoiceNotice[] } {
  const { dueAt, now, dueSoonDays, paid, sent } = input;
  if (paid) return { notify: null, sent: [...sent] };
  const daysPast = Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS);
  const reached: InvoiceNotice[] = [];
  if (dueSoonDays > 0 && now.getTime() >= dueAt.getTime() - dueSoonDays * DAY_MS) reached.push('DUE_SOON');
  for (const step of OVERDUE_STEPS) if (daysPast >= step) reached.push(`OVERDUE_${step}`);
  const latest = reached[reached.length - 1] ?? null;
  const notify = latest && !sent.includes(latest) ? latest : null;
  // "Due soon" for an invoice already overdue says nothing new: only the latest step goes out.
  return { notify, sent: [...new Set([...sent, ...reached])] };
}
