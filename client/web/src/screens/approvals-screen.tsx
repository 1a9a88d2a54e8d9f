import {
  ApprovalQueueChangedDocument,
  ApprovalQueueDocument,
  type ApprovalQueueQuery,
  type ApprovalQueueSort,
  ApproveOrderDocument,
  ApproveOrdersDocument,
  DealerLookupDocument,
  RejectOrderDocument,
  RejectOrdersDocument,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { useLive } from '../api/use-live';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { formatDate, formatMoney, t } from '../lib/i18n';

type Waiting = ApprovalQueueQuery['approvalQueue']['nodes'][number];

/** Asks for the reason of a rejection (mandatory: the dealer reads it), then rejects. */
function ReasonDialog({
  trigger,
  title,
  description,
  disabled,
  reject,
}: {
  trigger: string;
  title: string;
  description: ReactNode;
  disabled?: boolean;
  /** Rejects with the reason; resolves when done (the dialog closes), throws to keep it open with the error. */
  reject(reason: string): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const run = useMutation({
    mutationFn: () => reject(reason.trim()),
    onSuccess: () => {
      setOpen(false);
      setReason('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    run.mutate();
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" disabled={disabled}>
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed inset-x-3 top-1/4 mx-auto max-w-md rounded-lg bg-white p-4 shadow-lg">
          <Dialog.Title className="mb-2 text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="mb-3 text-sm text-slate-600">{description}</Dialog.Description>
          <form onSubmit={submit} className="flex flex-col gap-3">
            <label htmlFor={reasonId} className="text-sm font-medium">
              {t('approvals.reason')}
            </label>
            <textarea
              id={reasonId}
              rows={3}
              value={reason}
              aria-invalid={missing || undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
              className="rounded-md border border-slate-400 p-2"
            />
            {missing && <p className="text-sm text-red-700">{t('approvals.reasonMissing')}</p>}
            {run.error && <Notice tone="danger">{run.error.message}</Notice>}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary" type="button">
                  {t('common.cancel')}
                </Button>
              </Dialog.Close>
              <Button variant="danger" type="submit" disabled={run.isPending}>
                {title}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RejectDialog({ order, onDone }: { order: Waiting; onDone(message: string): void }) {
  const queryClient = useQueryClient();
  return (
    <ReasonDialog
      trigger={t('approvals.reject')}
      title={t('approvals.confirmReject', { number: order.number })}
      description={`${order.dealer.name} · ${formatMoney(order.total.amount, order.total.currency)}`}
      reject={async (reason) => {
        const { rejectOrder } = await execute(RejectOrderDocument, { orderId: order.id, reason });
        const error = rejectOrder.userErrors[0];
        onDone(error ? t('approvals.refused', { message: error.message }) : t('approvals.rejected', { number: order.number }));
        void queryClient.invalidateQueries({ queryKey: ['approvals', 'queue'] });
      }}
    />
  );
}

function WaitingOrder({
  order,
  onDone,
  selected,
  onSelect,
}: {
  order: Waiting;
  onDone(message: string): void;
  selected: boolean;
  onSelect(selected: boolean): void;
}) {
  const selectId = useId();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () => execute(ApproveOrderDocument, { orderId: order.id }),
    onSuccess: ({ approveOrder }) => {
      const error = approveOrder.userErrors[0];
      onDone(error ? t('approvals.refused', { message: error.message }) : t('approvals.approved', { number: order.number }));
      void queryClient.invalidateQueries({ queryKey: ['approvals', 'queue'] });
    },
    onError: (error) => onDone(t('approvals.refused', { message: error.message })),
  });
  const step = order.currentApprovalStep;
  const credit = order.dealer.credit;
  return (
    <Card as="li" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <input
          id={selectId}
          type="checkbox"
          className="size-5 self-center"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={t('approvals.select', { number: order.number })}
        />
        <Link to={`/orders/${order.id}`} className="mr-auto font-semibold text-brand-700 underline">
          {order.number}
        </Link>
        <span className="text-lg font-bold">{formatMoney(order.total.amount, order.total.currency)}</span>
      </div>
      <p className="text-sm">
        {order.dealer.name} · {formatDate(order.placedAt)}
      </p>
      {step && <p className="text-sm text-slate-700">{t('approvals.rule', { rule: `${step.rule}: ${step.reason}` })}</p>}
      {credit && <p className="text-sm text-slate-700">{t('approvals.credit', { amount: formatMoney(credit.available.amount) })}</p>}
      <div className="flex gap-2">
        <Button onClick={() => approve.mutate()} disabled={approve.isPending}>
          {t('approvals.approve')}
        </Button>
        <RejectDialog order={order} onDone={onDone} />
      </div>
    </Card>
  );
}

/** A typed value once typing pauses (300 ms), so that a search asks once per word, not per key. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const timer = setTimeout(() => setSettled(value), value ? 300 : 0);
    return () => clearTimeout(timer);
  }, [value, settled]);
  return settled;
}

interface QueueFilter {
  dealerId: string;
  number: string;
  level: string;
  region: string;
  sort: ApprovalQueueSort;
}
const NO_FILTER: QueueFilter = { dealerId: '', number: '', level: '', region: '', sort: 'OLDEST_FIRST' };
const SORTS: ApprovalQueueSort[] = ['OLDEST_FIRST', 'NEWEST_FIRST', 'LARGEST_FIRST'];
const SELECT = 'min-h-11 rounded-md border border-slate-400 bg-white px-2 text-sm';

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={SELECT}>
        {children}
      </select>
    </div>
  );
}

/** The inbox's filters (dealer, number, level, region) and its order; the API filters, so every page agrees. */
function QueueFilters({ filter, onChange }: { filter: QueueFilter; onChange(filter: QueueFilter): void }) {
  const numberId = useId();
  const dealers = useQuery({
    queryKey: ['approvals', 'dealers'],
    queryFn: () => execute(DealerLookupDocument, { first: 100 }).then((d) => d.dealers.nodes),
    staleTime: 5 * 60_000,
  });
  const list = [...(dealers.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const regions = [...new Set(list.map((d) => d.region))].sort();
  const set = (change: Partial<QueueFilter>) => onChange({ ...filter, ...change });
  return (
    // Open on a wide screen; on a phone one tap away, so the orders come first.
    <details className="mb-3" open={typeof window === 'undefined' || window.innerWidth >= 640}>
      <summary className="mb-2 min-h-11 cursor-pointer py-2 text-sm font-semibold">{t('approvals.filters')}</summary>
      <form
        role="search"
        aria-label={t('approvals.filters')}
        className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select label={t('approvals.filterDealer')} value={filter.dealerId} onChange={(dealerId) => set({ dealerId })}>
          <option value="">{t('approvals.any')}</option>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={numberId} className="text-sm font-medium text-slate-800">
            {t('approvals.filterNumber')}
          </label>
          <input
            id={numberId}
            type="search"
            inputMode="search"
            value={filter.number}
            placeholder="SO-…"
            onChange={(e) => set({ number: e.target.value })}
            className="min-h-11 min-w-0 rounded-md border border-slate-400 bg-white px-2 text-base"
          />
        </div>
        <Select label={t('approvals.filterLevel')} value={filter.level} onChange={(level) => set({ level })}>
          <option value="">{t('approvals.any')}</option>
          {[1, 2, 3, 4, 5].map((level) => (
            <option key={level} value={level}>
              {t('approvals.level', { level })}
            </option>
          ))}
        </Select>
        <Select label={t('approvals.filterRegion')} value={filter.region} onChange={(region) => set({ region })}>
          <option value="">{t('approvals.any')}</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </Select>
        <Select label={t('approvals.sort')} value={filter.sort} onChange={(sort) => set({ sort: sort as ApprovalQueueSort })}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`approvals.sort.${sort}`)}
            </option>
          ))}
        </Select>
        <div className="flex items-end">
          <Button type="button" variant="secondary" className="w-full" onClick={() => onChange(NO_FILTER)}>
            {t('approvals.clearFilters')}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** The message after a bulk decision: how many went through, and each refusal with its order's number. */
function bulkMessage(
  answer: { results: { orderId: string; userErrors: { message: string }[] }[]; userErrors: { message: string }[] },
  orders: Waiting[],
  done: (count: number) => string,
  refusedOne: (number: string, message: string) => string,
): string {
  const numbers = new Map(orders.map((o) => [o.id, o.number]));
  const refused = answer.results.filter((r) => r.userErrors.length > 0);
  const succeeded = answer.results.length - refused.length;
  return [
    ...answer.userErrors.map((e) => t('approvals.refused', { message: e.message })),
    ...(succeeded > 0 ? [done(succeeded)] : []),
    ...refused.map((r) => refusedOne(numbers.get(r.orderId) ?? r.orderId, r.userErrors[0].message)),
  ].join(' ');
}

/** What waits for the signed-in approver, live, filtered and sorted; Approve or Reject (with a reason) one order or many. */
export function ApprovalsScreen() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const number = useSettled(filter.number.trim());
  const variables = {
    first: 50,
    dealerId: filter.dealerId || null,
    number: number || null,
    level: filter.level ? Number(filter.level) : null,
    region: filter.region || null,
    sort: filter.sort,
  };
  const queue = useQuery({
    queryKey: ['approvals', 'queue', variables],
    queryFn: () => execute(ApprovalQueueDocument, variables).then((d) => d.approvalQueue),
    placeholderData: (previous) => previous,
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['approvals', 'queue'] });
  useLive(ApprovalQueueChangedDocument, {}, reload, reload);
  const shown = queue.data?.nodes ?? [];
  // Only what is still shown counts as selected (an order another approver decided leaves the list).
  const chosen = shown.filter((order) => selected.has(order.id));
  const settle = (text: string) => {
    setMessage(text);
    setSelected(new Set());
    reload();
  };
  const bulk = useMutation({
    mutationFn: (orders: Waiting[]) => execute(ApproveOrdersDocument, { orderIds: orders.map((o) => o.id) }),
    onSuccess: ({ approveOrders }, orders) =>
      settle(
        bulkMessage(
          approveOrders,
          orders,
          (count) => t('approvals.bulkApproved', { count }),
          (number, message) => t('approvals.bulkRefused', { number, message }),
        ),
      ),
    onError: (error) => setMessage(t('approvals.refused', { message: error.message })),
  });
  const rejectChosen = async (reason: string) => {
    const orders = chosen;
    const { rejectOrders } = await execute(RejectOrdersDocument, { orderIds: orders.map((o) => o.id), reason });
    settle(
      bulkMessage(
        rejectOrders,
        orders,
        (count) => t('approvals.bulkRejected', { count }),
        (number, message) => t('approvals.bulkNotRejected', { number, message }),
      ),
    );
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <>
      <PageTitle>{t('approvals.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone="success">{message}</Notice>}
      </div>
      <QueueFilters filter={filter} onChange={setFilter} />
      {queue.isPending && <Loading />}
      {queue.error && <ErrorNotice error={queue.error} retry={() => void queue.refetch()} />}
      {queue.data && (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {t(filtered ? 'approvals.waitingFiltered' : 'approvals.waiting', { count: queue.data.totalCount })}
          </p>
          {queue.data.nodes.length === 0 && <Notice>{t(filtered ? 'approvals.noneFiltered' : 'approvals.none')}</Notice>}
          {shown.length > 0 && (
            <div className="mb-3 flex flex-wrap items-center gap-3">
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={chosen.length === shown.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? shown.map((o) => o.id) : []))}
                />
                {t('approvals.selectAll')}
              </label>
              <Button disabled={chosen.length === 0 || bulk.isPending} onClick={() => bulk.mutate(chosen)}>
                {t('approvals.approveSelected', { count: chosen.length })}
              </Button>
              <ReasonDialog
                trigger={t('approvals.rejectSelected', { count: chosen.length })}
                title={t('approvals.confirmRejectMany', { count: chosen.length })}
                description={chosen.map((o) => o.number).join(', ')}
                disabled={chosen.length === 0}
                reject={rejectChosen}
              />
            </div>
          )}
          <ul className="grid gap-3 md:grid-cols-2">
            {queue.data.nodes.map((order) => (
              <WaitingOrder
                key={order.id}
                order={order}
                onDone={setMessage}
                selected={selected.has(order.id)}
                onSelect={(on) => toggle(order.id, on)}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
