import {
  ApprovalQueueChangedDocument,
  ApprovalQueueDocument,
  type ApprovalQueueQuery,
  ApproveOrderDocument,
  ApproveOrdersDocument,
  RejectOrderDocument,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { useLive } from '../api/use-live';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { formatDate, formatMoney, t } from '../lib/i18n';

type Waiting = ApprovalQueueQuery['approvalQueue']['nodes'][number];

function RejectDialog({ order, onDone }: { order: Waiting; onDone(message: string): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const queryClient = useQueryClient();
  const reject = useMutation({
    mutationFn: () => execute(RejectOrderDocument, { orderId: order.id, reason: reason.trim() }),
    onSuccess: ({ rejectOrder }) => {
      const error = rejectOrder.userErrors[0];
      onDone(error ? t('approvals.refused', { message: error.message }) : t('approvals.rejected', { number: order.number }));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    reject.mutate();
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">{t('approvals.reject')}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed inset-x-3 top-1/4 mx-auto max-w-md rounded-lg bg-white p-4 shadow-lg">
          <Dialog.Title className="mb-2 text-lg font-semibold">{t('approvals.confirmReject', { number: order.number })}</Dialog.Title>
          <Dialog.Description className="mb-3 text-sm text-slate-600">
            {order.dealer.name} · {formatMoney(order.total.amount, order.total.currency)}
          </Dialog.Description>
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
            {reject.error && <Notice tone="danger">{reject.error.message}</Notice>}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary" type="button">
                  {t('common.cancel')}
                </Button>
              </Dialog.Close>
              <Button variant="danger" type="submit" disabled={reject.isPending}>
                {t('approvals.confirmReject', { number: order.number })}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
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

/** What waits for the signed-in approver, live; Approve or Reject (with a reason) each order. */
export function ApprovalsScreen() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: ['approvals'],
    queryFn: () => execute(ApprovalQueueDocument, { first: 50 }).then((d) => d.approvalQueue),
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  useLive(ApprovalQueueChangedDocument, {}, reload, reload);
  const shown = queue.data?.nodes ?? [];
  // Only what is still shown counts as selected (an order another approver decided leaves the list).
  const chosen = shown.filter((order) => selected.has(order.id));
  const bulk = useMutation({
    mutationFn: (orders: Waiting[]) => execute(ApproveOrdersDocument, { orderIds: orders.map((o) => o.id) }),
    onSuccess: ({ approveOrders }, orders) => {
      const numbers = new Map(orders.map((o) => [o.id, o.number]));
      const refused = approveOrders.results.filter((r) => r.userErrors.length > 0);
      const approved = approveOrders.results.length - refused.length;
      const lines = [
        ...approveOrders.userErrors.map((e) => t('approvals.refused', { message: e.message })),
        ...(approved > 0 ? [t('approvals.bulkApproved', { count: approved })] : []),
        ...refused.map((r) =>
          t('approvals.bulkRefused', { number: numbers.get(r.orderId) ?? r.orderId, message: r.userErrors[0].message }),
        ),
      ];
      setMessage(lines.join(' '));
      setSelected(new Set());
      reload();
    },
    onError: (error) => setMessage(t('approvals.refused', { message: error.message })),
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <>
      <PageTitle>{t('approvals.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone="success">{message}</Notice>}
      </div>
      {queue.isPending && <Loading />}
      {queue.error && <ErrorNotice error={queue.error} retry={() => void queue.refetch()} />}
      {queue.data && (
        <>
          <p className="mb-2 text-sm text-slate-600">{t('approvals.waiting', { count: queue.data.totalCount })}</p>
          {queue.data.nodes.length === 0 && <Notice>{t('approvals.none')}</Notice>}
          {shown.length > 1 && (
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
