import {
  ApproveSpecialPriceRequestDocument,
  RejectSpecialPriceRequestDocument,
  RequestSpecialPriceDocument,
  type SpecialPriceRequestFieldsFragment,
  SpecialPriceRequestsDocument,
  type SpecialPriceRequestStatus,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, isStaff, useViewer } from '../api/hooks';
import { Badge, Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { checkRequest, isDecimalAmount, type RequestDraft, type RequestInput, type RequestProblem } from '../domain/special-price-request';
import { formatDate, formatMoney, t } from '../lib/i18n';

type Request = SpecialPriceRequestFieldsFragment;
type Message = { tone: 'success' | 'danger'; text: string };

const STATUS_BADGE: Record<SpecialPriceRequestStatus, string> = { PENDING: 'PENDING_APPROVAL', APPROVED: 'APPROVED', REJECTED: 'REJECTED' };

function RequestForm({ onDone }: { onDone(message: Message): void }) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const empty: RequestDraft = { sku: '', quantity: '1', wantedUnitPrice: '', reason: '' };
  const [draft, setDraft] = useState<RequestDraft>({ ...empty, sku: params.get('sku') ?? '', quantity: params.get('quantity') ?? '1' });
  const [problems, setProblems] = useState<Partial<Record<keyof RequestDraft, RequestProblem>>>({});
  const send = useMutation({
    mutationFn: (input: RequestInput) => execute(RequestSpecialPriceDocument, { input }),
    onSuccess: ({ requestSpecialPrice }, input) => {
      const error = requestSpecialPrice.userErrors[0];
      if (error) return onDone({ tone: 'danger', text: error.message });
      onDone({
        tone: 'success',
        text: t('special.sent', { sku: input.sku, role: requestSpecialPrice.specialPriceRequest?.requiredRole ?? '' }),
      });
      setDraft(empty);
      void queryClient.invalidateQueries({ queryKey: ['special-prices'] });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const field = (name: keyof RequestDraft) => ({
    value: draft[name],
    error: problems[name] && t(problems[name]),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRequest(draft);
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems({});
    send.mutate(checked.input);
  };
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('special.ask')}</h2>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-3">
        <TextField label={t('special.sku')} {...field('sku')} />
        <TextField label={t('special.quantity')} type="number" min={1} {...field('quantity')} />
        <TextField label={t('special.wanted')} inputMode="decimal" help={t('special.wantedHelp')} {...field('wantedUnitPrice')} />
        <TextField className="sm:col-span-3" label={t('special.reason')} {...field('reason')} />
        <div>
          <Button type="submit" disabled={send.isPending}>
            {t('special.send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Decision({ request, onDone }: { request: Request; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const done = (error: { message: string } | undefined, text: string) => {
    onDone(error ? { tone: 'danger', text: t('approvals.refused', { message: error.message }) } : { tone: 'success', text });
    void queryClient.invalidateQueries({ queryKey: ['special-prices'] });
  };
  const approve = useMutation({
    mutationFn: () => execute(ApproveSpecialPriceRequestDocument, { input: { requestId: request.id, unitPrice: price.trim() || null } }),
    onSuccess: ({ approveSpecialPriceRequest: r }) =>
      done(r.userErrors[0], t('special.approved', { sku: request.sku, dealer: request.dealer.name })),
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const reject = useMutation({
    mutationFn: () => execute(RejectSpecialPriceRequestDocument, { requestId: request.id, reason: reason.trim() }),
    onSuccess: ({ rejectSpecialPriceRequest: r }) =>
      done(r.userErrors[0], t('special.rejected', { sku: request.sku, dealer: request.dealer.name })),
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-2">
      <TextField
        label={t(request.wantedUnitPrice ? 'special.counter' : 'special.grant', { sku: request.sku })}
        help={request.wantedUnitPrice ? t('special.counterHelp') : undefined}
        inputMode="decimal"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
      />
      <TextField label={t('special.rejectReason', { sku: request.sku })} value={reason} onChange={(e) => setReason(e.target.value)} />
      {problem && <p className="text-sm text-red-700">{problem}</p>}
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={approve.isPending}
          onClick={() => {
            if (price.trim() ? !isDecimalAmount(price.trim()) : !request.wantedUnitPrice) return setProblem(t('special.priceInvalid'));
            setProblem(null);
            approve.mutate();
          }}
        >
          {t('approvals.approve')}
        </Button>
        <Button
          variant="secondary"
          disabled={reject.isPending}
          onClick={() => {
            if (!reason.trim()) return setProblem(t('approvals.reasonMissing'));
            setProblem(null);
            reject.mutate();
          }}
        >
          {t('approvals.reject')}
        </Button>
      </div>
    </div>
  );
}

function RequestItem({ request, decide, onDone }: { request: Request; decide: boolean; onDone(message: Message): void }) {
  const currency = request.listPrice.currency;
  return (
    <Card as="li" className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          {request.productName} <span className="font-normal text-slate-600">{request.sku}</span>
        </h2>
        <Badge value={STATUS_BADGE[request.status]}>{t(`special.status.${request.status}`)}</Badge>
      </div>
      {decide && <p>{request.dealer.name}</p>}
      <p>
        {t('special.line', {
          quantity: request.quantity,
          current: formatMoney(request.currentUnitPrice.amount, currency),
          wanted: request.wantedUnitPrice ? formatMoney(request.wantedUnitPrice.amount, currency) : '—',
        })}
      </p>
      <p className="text-slate-600">
        {request.reason} · {formatDate(request.createdAt)}
      </p>
      {request.status === 'PENDING' && (
        <p className="text-slate-600">{t('special.routed', { role: request.requiredRole, reason: request.routingReason })}</p>
      )}
      {request.status === 'APPROVED' && request.grantedUnitPrice && (
        <p className="font-semibold">
          {t('special.granted', {
            price: formatMoney(request.grantedUnitPrice.amount, request.grantedUnitPrice.currency),
            quantity: request.grantedQuantity ?? request.quantity,
            until: request.validTo ? formatDate(request.validTo) : '—',
          })}
        </p>
      )}
      {request.decisionComment && <p>{request.decisionComment}</p>}
      {decide && request.status === 'PENDING' && <Decision request={request} onDone={onDone} />}
    </Card>
  );
}

/** Dealers ask for a special price and follow their requests; approvers decide the ones at their level. */
export function SpecialPricesScreen() {
  const viewer = useViewer();
  const staff = isStaff(viewer.data);
  const [status, setStatus] = useState<SpecialPriceRequestStatus | ''>('');
  const [message, setMessage] = useState<Message | null>(null);
  const statusId = useId();
  const effective = status || (staff ? 'PENDING' : '');
  const requests = useQuery({
    queryKey: ['special-prices', effective],
    queryFn: () => execute(SpecialPriceRequestsDocument, { first: 50, status: effective || null }).then((d) => d.specialPriceRequests),
    enabled: !!viewer.data,
  });
  return (
    <>
      <PageTitle>{t('special.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
      </div>
      {canOrder(viewer.data) && <RequestForm onDone={setMessage} />}
      <div className="mb-3 flex items-center gap-2 text-sm">
        <label htmlFor={statusId}>{t('orders.filter')}</label>
        <select
          id={statusId}
          value={effective}
          onChange={(e) => setStatus(e.target.value as SpecialPriceRequestStatus | '')}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
        >
          <option value="">{t('orders.all')}</option>
          {(['PENDING', 'APPROVED', 'REJECTED'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`special.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {requests.isPending && <Loading />}
      {requests.error && <ErrorNotice error={requests.error} retry={() => void requests.refetch()} />}
      {requests.data && (
        <>
          {requests.data.nodes.length === 0 && <Notice>{t('special.none')}</Notice>}
          <ul className="grid gap-3 md:grid-cols-2">
            {requests.data.nodes.map((request) => (
              <RequestItem key={request.id} request={request} decide={staff} onDone={setMessage} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
