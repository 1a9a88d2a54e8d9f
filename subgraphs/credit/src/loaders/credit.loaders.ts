import { type EntityManager, groupedLoader, keyedLoader } from '@dealergraph/runtime';
import DataLoader from 'dataloader';

import { overdueCutoff } from '../domain/credit.js';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { InvoiceLine } from '../entities/invoice-line.entity.js';
import type { Payment } from '../entities/payment.entity.js';
import {
  activeHoldTotals,
  type DealerPage,
  invoiceFilterKey,
  type InvoiceListFilter,
  invoicePages,
  type InvoiceTotals,
  invoiceTotals,
  type OpenInvoiceRow,
  openInvoices,
  paymentPages,
} from './credit.queries.js';

export interface InvoicePageKey {
  dealerId: string;
  offset: number;
  limit: number;
  filter: InvoiceListFilter;
}

export interface PaymentPageKey {
  dealerId: string;
  offset: number;
  limit: number;
}

/** Per-request loaders: one SQL statement per batch of dealers, however many dealers a page shows. */
export interface CreditLoaders {
  accountByDealer: DataLoader<string, CreditAccount | null>;
  invoiceTotalsByDealer: DataLoader<string, InvoiceTotals>;
  pendingOrdersByDealer: DataLoader<string, number>;
  openInvoicesByDealer: DataLoader<string, OpenInvoiceRow[]>;
  invoicePage: DataLoader<InvoicePageKey, DealerPage<Invoice>, string>;
  paymentPage: DataLoader<PaymentPageKey, DealerPage<Payment>, string>;
  invoiceById: DataLoader<string, Invoice | null>;
  linesByInvoice: DataLoader<string, InvoiceLine[]>;
}

const NO_INVOICES: InvoiceTotals = { openBalance: 0, overdue: 0, oldestOverdueDueAt: null };
const EMPTY_PAGE = { rows: [], total: 0 };

/**
 * A loader for pages of per-dealer lists: keys asking for the same page (same window and filter)
 * are fetched together in one statement.
 */
function pageLoader<K extends { dealerId: string }, T>(
  windowOf: (key: K) => string,
  fetch: (dealerIds: string[], sample: K) => Promise<Map<string, DealerPage<T>>>,
): DataLoader<K, DealerPage<T>, string> {
  return new DataLoader<K, DealerPage<T>, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) {
        const group = groups.get(windowOf(key));
        if (group) group.push(key);
        else groups.set(windowOf(key), [key]);
      }
      const results = new Map<string, DealerPage<T>>();
      await Promise.all(
        [...groups].map(async ([window, group]) => {
          const pages = await fetch([...new Set(group.map((k) => k.dealerId))], group[0]);
          for (const key of group) results.set(`${window}|${key.dealerId}`, pages.get(key.dealerId) ?? (EMPTY_PAGE as DealerPage<T>));
        }),
      );
      return keys.map((key) => results.get(`${windowOf(key)}|${key.dealerId}`)!);
    },
    { cacheKeyFn: (key) => `${windowOf(key)}|${key.dealerId}` },
  );
}

/** `now` is the request's clock: overdue means due before the start of its day. */
export function createCreditLoaders(em: EntityManager, now: () => Date): CreditLoaders {
  return {
    accountByDealer: keyedLoader(
      (ids) => em.find(CreditAccount, { dealerId: { $in: ids } }),
      (a) => a.dealerId,
    ),
    invoiceTotalsByDealer: new DataLoader(async (ids) => {
      const totals = await invoiceTotals(em, ids, overdueCutoff(now()));
      return ids.map((id) => totals.get(id) ?? NO_INVOICES);
    }),
    pendingOrdersByDealer: new DataLoader(async (ids) => {
      const totals = await activeHoldTotals(em, ids);
      return ids.map((id) => totals.get(id) ?? 0);
    }),
    openInvoicesByDealer: groupedLoader(
      (ids) => openInvoices(em, ids),
      (row) => row.dealerId,
    ),
    invoicePage: pageLoader(
      (k: InvoicePageKey) => `${k.offset}:${k.limit}:${invoiceFilterKey(k.filter)}`,
      (ids, k) => invoicePages(em, ids, { offset: k.offset, limit: k.limit, filter: k.filter, cutoff: overdueCutoff(now()) }),
    ),
    paymentPage: pageLoader(
      (k: PaymentPageKey) => `${k.offset}:${k.limit}`,
      (ids, k) => paymentPages(em, ids, { offset: k.offset, limit: k.limit }),
    ),
    invoiceById: keyedLoader(
      (ids) => em.find(Invoice, { id: { $in: ids } }),
      (i) => i.id,
    ),
    linesByInvoice: groupedLoader(
      (ids) => em.find(InvoiceLine, { invoiceId: { $in: ids } }, { orderBy: { invoiceId: 'asc', lineNo: 'asc' } }),
      (l) => l.invoiceId,
    ),
  };
}
