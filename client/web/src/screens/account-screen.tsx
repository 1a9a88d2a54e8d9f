import { AccountPageDocument, type AccountPageQuery, type InvoiceStatus } from '@generated/graphql';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useState } from 'react';

import { execute } from '../api/graphql';
import { Badge, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { dueCalendarMonths, type DueDay } from '../domain/due-calendar';
import { formatDate, formatMoney, locale, t } from '../lib/i18n';

const DAY = 86_400_000;

/** The statement period: the last 90 days up to the start of tomorrow (a stable key through the day). */
function statementPeriod(now = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY);
  return { from: new Date(to.getTime() - 90 * DAY).toISOString(), to: to.toISOString() };
}

const dateOnly = (iso: string) => new Date(iso).toLocaleDateString();

type Account = NonNullable<AccountPageQuery['creditAccount']>;

const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
// 2024-01-01 was a Monday: the calendar's weeks start on Monday, as the API's weeks do.
const WEEKDAYS = Array.from({ length: 7 }, (_, i) => weekdayName.format(new Date(Date.UTC(2024, 0, 1 + i))));

/** The due dates as month grids: each day with what falls due on it; today marked. */
function DueCalendar({ days, currency }: { days: DueDay[]; currency: string }) {
  const months = dueCalendarMonths(days, new Date());
  return (
    <div className="flex flex-col gap-4">
      {months.map((month) => (
        <table key={month.month} className="w-full table-fixed border-collapse text-xs sm:text-sm">
          <caption className="mb-1 text-left font-semibold">{monthName.format(new Date(`${month.month}T00:00:00Z`))}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((name) => (
                <th key={name} scope="col" className="py-1 font-medium text-slate-600">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week, w) => (
              <tr key={w}>
                {week.map((cell, d) =>
                  cell ? (
                    <td
                      key={d}
                      aria-current={cell.today ? 'date' : undefined}
                      className={clsx(
                        'h-12 border border-slate-200 p-0.5 align-top',
                        cell.due && 'bg-amber-50',
                        cell.today && 'outline-2 -outline-offset-2 outline-brand-600',
                      )}
                    >
                      <span className="sr-only">{fullDate.format(new Date(`${cell.date}T00:00:00Z`))}</span>
                      <span aria-hidden className="block text-slate-600">
                        {cell.day}
                      </span>
                      {cell.due && (
                        <span className="block font-semibold break-words text-amber-900" data-testid="due-day">
                          <span className="sr-only">{t('account.dueOn', { count: cell.due.invoiceCount })} </span>
                          {formatMoney(cell.due.amount, currency)}
                        </span>
                      )}
                    </td>
                  ) : (
                    <td key={d} className="border border-slate-100 bg-slate-50" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The statement of the last 90 days (PDF, CSV, its lines) and the latest payments. */
function StatementAndPayments({ account: a }: { account: Account }) {
  const currency = a.currency;
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      <Card className="overflow-x-auto">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t('account.statement', { from: dateOnly(a.statement.from), to: dateOnly(a.statement.to) })}</h2>
          <span className="flex gap-3 text-sm">
            <a href={a.statement.pdfUrl} className="text-brand-700 underline" download>
              {t('account.statementPdf')}
            </a>
            <a href={a.statement.csvUrl} className="text-brand-700 underline" download>
              {t('account.statementCsv')}
            </a>
          </span>
        </div>
        <dl className="mb-2 grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600">{t('account.opening')}</dt>
          <dd className="text-right">{formatMoney(a.statement.openingBalance.amount, currency)}</dd>
          <dt className="text-slate-600">{t('account.invoiced')}</dt>
          <dd className="text-right">{formatMoney(a.statement.totalInvoiced.amount, currency)}</dd>
          <dt className="text-slate-600">{t('account.paid')}</dt>
          <dd className="text-right">{formatMoney(a.statement.totalPaid.amount, currency)}</dd>
          <dt className="text-slate-600">{t('account.closing')}</dt>
          <dd className="text-right font-semibold">{formatMoney(a.statement.closingBalance.amount, currency)}</dd>
        </dl>
        {/* Scrolls on its own: focusable, so that a keyboard can scroll it too. */}
        <ul className="max-h-72 overflow-y-auto text-sm" tabIndex={0} aria-label={t('account.statementLines')}>
          {a.statement.lines.map((line, i) => (
            <li key={i} className="flex justify-between gap-2 border-t border-slate-200 py-1">
              <span>
                {dateOnly(line.at)} · {line.reference} <span className="text-slate-600">{line.description}</span>
              </span>
              <span>{formatMoney(line.amount.amount, line.amount.currency)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t('account.payments', { count: a.payments.totalCount })}</h2>
        <ul className="text-sm">
          {a.payments.nodes.map((payment) => (
            <li key={payment.id} className="flex justify-between gap-2 border-t border-slate-200 py-1">
              <span>
                {formatDate(payment.receivedAt)} · {payment.reference}
              </span>
              <span>{formatMoney(payment.amount.amount, payment.amount.currency)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** What falls due: overdue first, then a month calendar (or the weeks) of the next 60 days. */
function DueDates({ account: a }: { account: Account }) {
  const [dueView, setDueView] = useState<'calendar' | 'list'>('calendar');
  const currency = a.currency;
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{t('account.due')}</h2>
      {a.dueCalendar.overdueInvoiceCount > 0 && (
        <Notice tone="danger">
          {t('account.dueOverdue', {
            amount: formatMoney(a.dueCalendar.overdue.amount, currency),
            count: a.dueCalendar.overdueInvoiceCount,
          })}
        </Notice>
      )}
      <div role="group" aria-label={t('account.dueView')} className="my-2 flex gap-1">
        {(['calendar', 'list'] as const).map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={dueView === view}
            onClick={() => setDueView(view)}
            className={clsx(
              'min-h-11 rounded-md border px-3 text-sm',
              dueView === view ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white',
            )}
          >
            {t(`account.dueView.${view}`)}
          </button>
        ))}
      </div>
      {dueView === 'calendar' ? (
        <DueCalendar
          days={a.dueByDay.upcoming.map((d) => ({ start: d.start, amount: d.amount.amount, invoiceCount: d.invoiceCount }))}
          currency={currency}
        />
      ) : a.dueCalendar.upcoming.length === 0 ? (
        <p className="text-sm text-slate-600">{t('account.nothingDue')}</p>
      ) : (
        <ul className="text-sm">
          {a.dueCalendar.upcoming.map((bucket) => (
            <li key={bucket.start} className="flex justify-between">
              <span>{t('account.weekOf', { date: dateOnly(bucket.start), count: bucket.invoiceCount })}</span>
              <span className="font-semibold">{formatMoney(bucket.amount.amount, currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The dealer's account: credit and what to do about it, due dates, invoices (PDF), payments, statement. */
export function AccountScreen() {
  const [invoiceStatus, setInvoiceStatus] = useState<InvoiceStatus | ''>('');
  const statusId = useId();
  const period = statementPeriod();
  const account = useQuery({
    queryKey: ['account', invoiceStatus, period.to],
    queryFn: () => execute(AccountPageDocument, { ...period, invoiceStatus: invoiceStatus || null }).then((d) => d.creditAccount),
    placeholderData: keepPreviousData,
  });
  if (account.isPending) return <Loading />;
  if (account.error) return <ErrorNotice error={account.error} retry={() => void account.refetch()} />;
  const a = account.data;
  if (!a) return <Notice>{t('account.none')}</Notice>;
  const currency = a.currency;
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('home.credit')}</h2>
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt className="text-slate-600">{t('home.limit')}</dt>
            <dd className="text-right">{formatMoney(a.limit.amount, currency)}</dd>
            <dt className="text-slate-600">{t('home.openBalance')}</dt>
            <dd className="text-right">{formatMoney(a.openBalance.amount, currency)}</dd>
            <dt className="text-slate-600">{t('home.pendingOrders')}</dt>
            <dd className="text-right">{formatMoney(a.pendingOrders.amount, currency)}</dd>
            <dt className="text-slate-600">{t('home.available')}</dt>
            <dd className="text-right font-semibold">{formatMoney(a.available.amount, currency)}</dd>
            <dt className="text-slate-600">{t('account.overdue')}</dt>
            <dd className="text-right">{formatMoney(a.overdue.amount, currency)}</dd>
            <dt className="text-slate-600">{t('account.terms')}</dt>
            <dd className="text-right">{t('account.termsDays', { days: a.paymentTermsDays })}</dd>
          </dl>
          <div className="mt-3">
            <Notice tone={a.summary.action === 'NONE' ? 'info' : 'warning'}>{a.summary.advice}</Notice>
          </div>
        </Card>
        <DueDates account={a} />
      </div>

      <Card className="mt-4 overflow-x-auto">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t('account.invoices', { count: a.invoices.totalCount })}</h2>
          <span className="flex items-center gap-2 text-sm">
            <label htmlFor={statusId}>{t('orders.filter')}</label>
            <select
              id={statusId}
              value={invoiceStatus}
              onChange={(e) => setInvoiceStatus(e.target.value as InvoiceStatus | '')}
              className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
            >
              <option value="">{t('orders.all')}</option>
              {(['OPEN', 'OVERDUE', 'PAID'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`invoice.${s}`)}
                </option>
              ))}
            </select>
          </span>
        </div>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col">{t('account.invoice')}</th>
              <th scope="col">{t('account.issued')}</th>
              <th scope="col">{t('account.dueAt')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col" className="text-right">
                {t('account.amount')}
              </th>
              <th scope="col" className="text-right">
                {t('account.outstanding')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.invoices.nodes.map((invoice) => (
              <tr key={invoice.id} className="border-t border-slate-200">
                <td>
                  <a href={invoice.pdfUrl} className="text-brand-700 underline" download>
                    {t('account.pdf', { number: invoice.number })}
                  </a>
                </td>
                <td>{dateOnly(invoice.issuedAt)}</td>
                <td>{dateOnly(invoice.dueAt)}</td>
                <td>
                  <Badge value={invoice.status === 'PAID' ? 'DELIVERED' : invoice.status === 'OVERDUE' ? 'REJECTED' : 'PROCESSING'}>
                    {invoice.status === 'OVERDUE'
                      ? t('invoice.overdueDays', { days: invoice.daysOverdue })
                      : t(`invoice.${invoice.status}`)}
                  </Badge>
                </td>
                <td className="text-right">{formatMoney(invoice.amount.amount, invoice.amount.currency)}</td>
                <td className="text-right">{formatMoney(invoice.outstanding.amount, invoice.outstanding.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <StatementAndPayments account={a} />
    </>
  );
}
