import { CURRENCY } from './catalog.js';
import type { DealerSet } from './dealers.js';
import { float, int, pick, type SeededFaker, uuid } from './random.js';
import { addDays, DAY_MS, HOUR_MS } from './time.js';
import type { DemoCreditAccount, DemoCreditHold, DemoInvoice, DemoOrder, DemoPayment } from './types.js';

export const OVERDUE_DEALERS = 25;
/** Overdue dealers whose exposure is left above their limit, so the demo shows RESTRICTED/BLOCKED accounts. */
export const OVER_LIMIT_DEALERS = 5;
const OVERDUE_MIN_DAYS = 15;
const OVERDUE_MAX_DAYS = 60;

export interface Ledger {
  invoices: DemoInvoice[];
  payments: DemoPayment[];
  creditHolds: DemoCreditHold[];
  creditAccounts: DemoCreditAccount[];
}

type PayingHabit = 'EARLY' | 'PROMPT' | 'NORMAL';

function invoicesFor(faker: SeededFaker, orders: DemoOrder[], terms: Map<string, number>): DemoInvoice[] {
  const invoices: DemoInvoice[] = [];
  for (const order of orders) {
    const shipped = order.history.find((h) => h.status === 'SHIPPED');
    if (!shipped || (order.status !== 'SHIPPED' && order.status !== 'DELIVERED')) continue;
    invoices.push({
      id: uuid(faker),
      number: '',
      dealerId: order.dealerId,
      orderId: order.id,
      amount: order.total,
      paidAmount: 0,
      currency: CURRENCY,
      issuedAt: shipped.at,
      dueAt: addDays(shipped.at, terms.get(order.dealerId)!),
    });
  }
  invoices.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  invoices.forEach((invoice, i) => {
    invoice.number = `INV-${invoice.issuedAt.getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`;
  });
  return invoices;
}

/**
 * Picks the dealers that stopped paying some time ago: every invoice of theirs that fell due in the
 * last `days` days is unpaid, and at least one of those is 15 days or more past due.
 */
function pickOverdueDealers(faker: SeededFaker, anchor: Date, dealerSet: DealerSet, invoices: DemoInvoice[]): Map<string, number> {
  const byDealer = new Map<string, DemoInvoice[]>();
  for (const invoice of invoices) {
    const list = byDealer.get(invoice.dealerId);
    if (list) list.push(invoice);
    else byDealer.set(invoice.dealerId, [invoice]);
  }
  const demo = new Set([dealerSet.demoPlatinum.id, dealerSet.demoBronze.id]);
  const candidates = faker.helpers.shuffle(dealerSet.dealers.filter((d) => !demo.has(d.id)));
  const overdue = new Map<string, number>();
  for (const dealer of candidates) {
    if (overdue.size === OVERDUE_DEALERS) break;
    const days = int(faker, OVERDUE_MIN_DAYS + 5, OVERDUE_MAX_DAYS);
    const qualifies = (byDealer.get(dealer.id) ?? []).some((invoice) => {
      const pastDue = (anchor.getTime() - invoice.dueAt.getTime()) / DAY_MS;
      return pastDue >= OVERDUE_MIN_DAYS && pastDue <= days;
    });
    if (qualifies) overdue.set(dealer.id, days);
  }
  return overdue;
}

/** When an invoice gets paid, or null while it is still open at the anchor. */
function paymentDate(
  faker: SeededFaker,
  anchor: Date,
  invoice: DemoInvoice,
  habit: PayingHabit,
  stoppedDays: number | undefined,
): Date | null {
  const due = invoice.dueAt.getTime();
  const now = anchor.getTime();
  if (stoppedDays !== undefined && due >= now - stoppedDays * DAY_MS && due < now) return null;
  const offsetDays = habit === 'EARLY' ? -int(faker, 0, 10) : habit === 'PROMPT' ? -int(faker, 0, 2) : int(faker, -12, 7);
  let paid = due + offsetDays * DAY_MS + int(faker, -8, 8) * HOUR_MS;
  paid = Math.max(paid, invoice.issuedAt.getTime() + DAY_MS);
  if (paid < now) return new Date(paid);
  // Only the chosen overdue dealers are behind: a late payer whose invoice is already due has paid
  // it somewhere between the due date and the anchor.
  if (due < now) return new Date(due + Math.floor((now - due) * float(faker)));
  return null;
}

function paymentReference(faker: SeededFaker): string {
  return `${pick(faker, ['ACH', 'ACH', 'WIRE', 'CHK'])}-${int(faker, 10_000_000, 99_999_999)}`;
}

/**
 * Settles each ordinary dealer's limit against its exposure (open balance plus holds): raised when
 * exposure would come near it, and for a handful of overdue dealers cut below it, as credit control
 * does after a dealer falls behind. The demo dealers keep their exact tier limits.
 */
function settleLimits(
  accounts: DemoCreditAccount[],
  exposure: Map<string, number>,
  overdue: Map<string, number>,
  demo: Set<string>,
): DemoCreditAccount[] {
  const overLimit = new Set(
    [...overdue.keys()].sort((a, b) => (exposure.get(b) ?? 0) - (exposure.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, OVER_LIMIT_DEALERS),
  );
  return accounts.map((account) => {
    const used = exposure.get(account.dealerId) ?? 0;
    if (demo.has(account.dealerId)) return account;
    if (overLimit.has(account.dealerId)) {
      return { ...account, limit: Math.max(100_000, Math.floor((used * 0.85) / 100_000) * 100_000) };
    }
    if (used > account.limit * 0.8) return { ...account, limit: Math.ceil(used / 0.7 / 500_000) * 500_000 };
    return account;
  });
}

/**
 * Invoices for shipped orders, payments, credit holds for approved orders and the final credit
 * limits. Demo Platinum pays early (nothing overdue), Demo Bronze pays just before the due date.
 */
export function generateLedger(
  faker: SeededFaker,
  anchor: Date,
  dealerSet: DealerSet,
  orders: DemoOrder[],
  accounts: DemoCreditAccount[],
): Ledger {
  const terms = new Map(accounts.map((a) => [a.dealerId, a.paymentTermsDays]));
  const invoices = invoicesFor(faker, orders, terms);
  const overdue = pickOverdueDealers(faker, anchor, dealerSet, invoices);
  const habits = new Map<string, PayingHabit>([
    [dealerSet.demoPlatinum.id, 'EARLY'],
    [dealerSet.demoBronze.id, 'PROMPT'],
  ]);

  const payments: DemoPayment[] = [];
  const exposure = new Map<string, number>();
  const expose = (dealerId: string, amount: number) => exposure.set(dealerId, (exposure.get(dealerId) ?? 0) + amount);
  for (const invoice of invoices) {
    const paidAt = paymentDate(faker, anchor, invoice, habits.get(invoice.dealerId) ?? 'NORMAL', overdue.get(invoice.dealerId));
    if (!paidAt) {
      expose(invoice.dealerId, invoice.amount);
      continue;
    }
    invoice.paidAmount = invoice.amount;
    payments.push({
      id: uuid(faker),
      dealerId: invoice.dealerId,
      invoiceId: invoice.id,
      amount: invoice.amount,
      currency: CURRENCY,
      receivedAt: paidAt,
      reference: paymentReference(faker),
    });
  }
  payments.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const creditHolds: DemoCreditHold[] = [];
  for (const order of orders) {
    if (order.status !== 'APPROVED' && order.status !== 'PROCESSING') continue;
    const approved = order.history.find((h) => h.status === 'APPROVED')!;
    creditHolds.push({ id: uuid(faker), dealerId: order.dealerId, orderId: order.id, amount: order.total, createdAt: approved.at });
    expose(order.dealerId, order.total);
  }

  const demo = new Set([dealerSet.demoPlatinum.id, dealerSet.demoBronze.id]);
  return { invoices, payments, creditHolds, creditAccounts: settleLimits(accounts, exposure, overdue, demo) };
}
