import { ApiClientsDocument, ApprovalRulesDocument, type ApprovalRulesQuery, UpdateApprovalRuleDocument } from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { execute } from '../api/graphql';
import { useViewer } from '../api/hooks';
import { Badge, Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatDate, formatMoney, t } from '../lib/i18n';

type Rule = ApprovalRulesQuery['approvalRules'][number];
type Message = { tone: 'success' | 'danger'; text: string };

function RuleItem({ rule, onDone }: { rule: Rule; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const toggle = useMutation({
    mutationFn: () => execute(UpdateApprovalRuleDocument, { input: { name: rule.name, enabled: !rule.enabled, reason: reason.trim() } }),
    onSuccess: ({ updateApprovalRule }) => {
      const error = updateApprovalRule.userErrors[0];
      onDone(
        error
          ? { tone: 'danger', text: t('approvals.refused', { message: error.message }) }
          : { tone: 'success', text: t(rule.enabled ? 'rules.disabled' : 'rules.enabled', { name: rule.name }) },
      );
      if (!error) setReason('');
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const condition = rule.threshold
    ? t('rules.threshold', { amount: formatMoney(rule.threshold.amount, rule.threshold.currency) })
    : rule.discountPercent
      ? t('rules.discount', { percent: rule.discountPercent })
      : rule.count !== null
        ? t('rules.count', { count: rule.count })
        : '';
  return (
    <Card as="li" className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{rule.name}</h2>
        <Badge value={rule.enabled ? 'APPROVED' : 'CANCELLED'}>{t(rule.enabled ? 'rules.on' : 'rules.off')}</Badge>
      </div>
      <p>
        {t('rules.line', { kind: rule.kind, level: rule.level, role: rule.role })}
        {condition && ` · ${condition}`}
        {rule.deadlineHours !== null && ` · ${t('rules.deadline', { hours: rule.deadlineHours })}`}
      </p>
      <p className="text-slate-600">{t('rules.updated', { date: formatDate(rule.updatedAt) })}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setMissing(true);
          setMissing(false);
          toggle.mutate();
        }}
      >
        <TextField
          className="min-w-0 flex-1"
          label={t('rules.reason', { name: rule.name })}
          value={reason}
          error={missing ? t('rules.reasonMissing') : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={toggle.isPending}>
          {t(rule.enabled ? 'rules.disable' : 'rules.enable', { name: rule.name })}
        </Button>
      </form>
    </Card>
  );
}

/** For the ADMIN: the approval rules (on or off, with a reason that goes to the audit trail) and the API clients. */
export function AdminScreen() {
  const viewer = useViewer();
  const [message, setMessage] = useState<Message | null>(null);
  const admin = viewer.data?.role === 'ADMIN';
  const rules = useQuery({
    queryKey: ['rules'],
    queryFn: () => execute(ApprovalRulesDocument).then((d) => d.approvalRules),
    enabled: admin,
  });
  const clients = useQuery({
    queryKey: ['api-clients'],
    queryFn: () => execute(ApiClientsDocument, { first: 50 }).then((d) => d.apiClients),
    enabled: admin,
  });
  if (viewer.data && !admin) return <Notice>{t('rules.adminOnly')}</Notice>;
  return (
    <>
      <PageTitle>{t('rules.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
      </div>
      {rules.isPending && <Loading />}
      {rules.error && <ErrorNotice error={rules.error} retry={() => void rules.refetch()} />}
      {rules.data && (
        <ul className="grid gap-3 md:grid-cols-2">
          {rules.data.map((rule) => (
            <RuleItem key={rule.id} rule={rule} onDone={setMessage} />
          ))}
        </ul>
      )}
      <h2 className="mt-6 mb-2 text-xl font-bold">{t('rules.clients')}</h2>
      {clients.error && <ErrorNotice error={clients.error} retry={() => void clients.refetch()} />}
      {clients.data && (
        <Card className="overflow-x-auto">
          {clients.data.nodes.length === 0 && <p className="text-sm">{t('rules.noClients')}</p>}
          <ul className="text-sm">
            {clients.data.nodes.map((client) => (
              <li key={client.id} className="border-t border-slate-200 py-1 first:border-t-0">
                <span className="font-semibold">{client.name}</span> · {client.dealer?.name ?? t('rules.anyDealer')} ·{' '}
                {client.scopes.join(', ')} ·{' '}
                {client.revokedAt
                  ? t('rules.revoked', { date: formatDate(client.revokedAt) })
                  : t('rules.lastToken', { date: formatDate(client.lastTokenAt) })}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
