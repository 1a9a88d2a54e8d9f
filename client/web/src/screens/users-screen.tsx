import {
  DealerUsersDocument,
  type DealerUsersQuery,
  DisableUserDocument,
  EnableUserDocument,
  InviteUserDocument,
  type Role,
  SetUserRoleDocument,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';

import { execute } from '../api/graphql';
import { useViewer } from '../api/hooks';
import { Badge, Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatDate, t } from '../lib/i18n';
import { invitationLink } from '../lib/invitation-link';

type User = DealerUsersQuery['dealerUsers']['nodes'][number];
type Message = { tone: 'success' | 'danger'; text: string };

/** The roles a DEALER_ADMIN gives within their dealer. */
const DEALER_ROLES: Role[] = ['DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY'];

function RoleSelect({ label, value, onChange, disabled }: { label: string; value: Role; onChange(role: Role): void; disabled?: boolean }) {
  const id = useId();
  return (
    <span className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Role)}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
      >
        {DEALER_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

function UserRow({ user, self, onDone }: { user: User; self: boolean; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const settle = (errors: readonly { message: string }[], text: string) => {
    onDone(errors[0] ? { tone: 'danger', text: t('approvals.refused', { message: errors[0].message }) } : { tone: 'success', text });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const role = useMutation({
    mutationFn: (next: Role) => execute(SetUserRoleDocument, { userId: user.id, role: next }),
    onSuccess: ({ setUserRole }, next) =>
      settle(setUserRole.userErrors, t('users.roleSet', { email: user.email, role: t(`role.${next}`) })),
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const toggle = useMutation({
    mutationFn: () =>
      user.active
        ? execute(DisableUserDocument, { userId: user.id }).then((d) => d.disableUser)
        : execute(EnableUserDocument, { userId: user.id }).then((d) => d.enableUser),
    onSuccess: (result) => settle(result.userErrors, t(user.active ? 'users.disabled' : 'users.enabled', { email: user.email })),
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  return (
    <Card as="li" className="flex flex-wrap items-center justify-between gap-2">
      <div className="min-w-0">
        <p className="font-semibold">{user.fullName}</p>
        <p className="text-sm text-slate-600">{user.email}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {!user.active && <Badge value="CANCELLED">{t('users.inactive')}</Badge>}
        <RoleSelect
          label={t('users.roleOf', { email: user.email })}
          value={user.role}
          disabled={self || role.isPending}
          onChange={(next) => role.mutate(next)}
        />
        {!self && (
          <Button variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
            {t(user.active ? 'users.disable' : 'users.enable', { email: user.email })}
          </Button>
        )}
      </div>
    </Card>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="underline"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('users.copied') : t('users.copyLink')}
    </button>
  );
}

function InviteForm({ onDone }: { onDone(message: Message, link?: string): void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('ORDER_ENTRY');
  const [problem, setProblem] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => execute(InviteUserDocument, { input: { email: email.trim(), role } }),
    onSuccess: ({ inviteUser }) => {
      const error = inviteUser.userErrors[0];
      if (error) return onDone({ tone: 'danger', text: error.message });
      const link = inviteUser.invitationToken ? invitationLink(inviteUser.invitationToken, window.location.origin) : undefined;
      onDone({ tone: 'success', text: t('users.invited', { email: email.trim() }) }, link);
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return setProblem(t('signIn.emailInvalid'));
    setProblem(null);
    invite.mutate();
  };
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('users.invite')}</h2>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-0 flex-1"
          label={t('users.email')}
          type="email"
          value={email}
          error={problem ?? undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <RoleSelect label={t('users.inviteRole')} value={role} onChange={setRole} />
        <Button type="submit" disabled={invite.isPending}>
          {t('users.sendInvite')}
        </Button>
      </form>
    </Card>
  );
}

/** For a DEALER_ADMIN: the dealer's users (role, disable), and invitations. */
export function UsersScreen() {
  const viewer = useViewer();
  const [message, setMessage] = useState<Message | null>(null);
  const [link, setLink] = useState<string | undefined>();
  const users = useQuery({ queryKey: ['users'], queryFn: () => execute(DealerUsersDocument, { first: 100 }) });
  if (viewer.data && viewer.data.role !== 'DEALER_ADMIN') return <Notice>{t('users.adminOnly')}</Notice>;
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && (
          <Notice tone={message.tone}>
            {message.text}
            {link && (
              <>
                {' '}
                {t('users.link')} <code className="break-all">{link}</code> <CopyButton text={link} />
              </>
            )}
          </Notice>
        )}
      </div>
      <InviteForm
        onDone={(m, l) => {
          setMessage(m);
          setLink(l);
        }}
      />
      {users.isPending && <Loading />}
      {users.error && <ErrorNotice error={users.error} retry={() => void users.refetch()} />}
      {users.data && (
        <>
          <ul className="flex flex-col gap-2">
            {users.data.dealerUsers.nodes.map((user) => (
              <UserRow key={user.id} user={user} self={user.id === viewer.data?.id} onDone={(m) => (setMessage(m), setLink(undefined))} />
            ))}
          </ul>
          {users.data.invitations.nodes.length > 0 && (
            <Card className="mt-4">
              <h2 className="mb-2 font-semibold">{t('users.openInvitations')}</h2>
              <ul className="text-sm">
                {users.data.invitations.nodes.map((invitation) => (
                  <li key={invitation.id}>
                    {t('users.invitation', {
                      email: invitation.email,
                      role: t(`role.${invitation.role}`),
                      date: formatDate(invitation.expiresAt),
                    })}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
    </>
  );
}
