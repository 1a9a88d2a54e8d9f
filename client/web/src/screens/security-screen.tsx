import {
  BeginMfaEnrolmentDocument,
  ConfirmMfaEnrolmentDocument,
  DisableMfaDocument,
  MySecurityDocument,
  type MySecurityQuery,
  RevokeAllSessionsDocument,
  RevokeSessionDocument,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { type FormEvent, useState } from 'react';

import { execute } from '../api/graphql';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatDate, t } from '../lib/i18n';

type Session = MySecurityQuery['mySessions'][number];
type Message = { tone: 'success' | 'danger'; text: string };
const KEY = ['security'];

/** A user agent as a person names a device: the browser and the system, not the whole string. */
export function deviceName(userAgent: string | null | undefined): string {
  if (!userAgent) return t('security.unknownDevice');
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return t('security.browserOn', { browser, system });
  return browser ?? system ?? userAgent.slice(0, 60);
}

function SessionRow({ session, onDone }: { session: Session; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => execute(RevokeSessionDocument, { id: session.id }),
    onSuccess: ({ revokeSession }) => {
      const error = revokeSession.userErrors[0];
      onDone(error ? { tone: 'danger', text: error.message } : { tone: 'success', text: t('security.revoked') });
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const name = deviceName(session.device);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 py-2 last:border-0">
      <div className="min-w-0">
        <p className="font-medium">
          {name}{' '}
          {session.current && <span className="ml-1 rounded bg-green-100 px-2 text-xs text-green-900">{t('security.thisDevice')}</span>}
        </p>
        <p className="text-sm text-slate-600">
          {t('security.sessionDetail', {
            address: session.ipAddress ?? '—',
            opened: formatDate(session.createdAt),
            seen: formatDate(session.lastSeenAt),
          })}
        </p>
      </div>
      {!session.current && (
        <Button
          variant="secondary"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={t('security.revokeOne', { device: name })}
        >
          {t('security.revoke')}
        </Button>
      )}
    </li>
  );
}

function Sessions({ sessions, onDone }: { sessions: Session[]; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const others = sessions.filter((s) => !s.current).length;
  const revokeOthers = useMutation({
    mutationFn: () => execute(RevokeAllSessionsDocument, { keepCurrent: true }),
    onSuccess: ({ revokeAllSessions }) => {
      onDone({ tone: 'success', text: t('security.revokedOthers', { count: revokeAllSessions.revokedCount }) });
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{t('security.sessions', { count: sessions.length })}</h2>
        {others > 0 && (
          <Button variant="secondary" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
            {t('security.revokeOthers')}
          </Button>
        )}
      </div>
      <ul aria-label={t('security.sessionsList')}>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} onDone={onDone} />
        ))}
      </ul>
    </Card>
  );
}

function Enrol({ onDone }: { onDone(codes: string[]): void }) {
  const [code, setCode] = useState('');
  const begin = useMutation({ mutationFn: () => execute(BeginMfaEnrolmentDocument).then((d) => d.beginMfaEnrolment) });
  const confirm = useMutation({
    mutationFn: async () => {
      const { confirmMfaEnrolment } = await execute(ConfirmMfaEnrolmentDocument, { code: code.trim() });
      if (confirmMfaEnrolment.userErrors.length) throw new Error(confirmMfaEnrolment.userErrors[0].message);
      return confirmMfaEnrolment.recoveryCodes;
    },
    onSuccess: onDone,
  });
  const enrolment = begin.data;
  if (!enrolment?.otpauthUri)
    return (
      <>
        {begin.error && <ErrorNotice error={begin.error} />}
        {enrolment?.userErrors[0] && <Notice tone="danger">{enrolment.userErrors[0].message}</Notice>}
        <Button disabled={begin.isPending} onClick={() => begin.mutate()}>
          {t('security.mfaTurnOn')}
        </Button>
      </>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t('mfa.intro')}</p>
      <QRCodeSVG value={enrolment.otpauthUri} size={192} role="img" aria-label={t('security.qr')} />
      <p className="font-mono text-sm break-all">{t('mfa.secret', { secret: enrolment.secret ?? '' })}</p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <TextField
          label={t('signIn.otp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          error={confirm.error?.message}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" disabled={confirm.isPending || !/^\d{6}$/.test(code.trim())}>
          {t('mfa.confirm')}
        </Button>
      </form>
    </div>
  );
}

function Disable({ onDone }: { onDone(): void }) {
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: async () => {
      const { disableMfa } = await execute(DisableMfaDocument, { code: code.trim() });
      if (disableMfa.userErrors.length) throw new Error(disableMfa.userErrors[0].message);
    },
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <TextField
        label={t('security.mfaDisableCode')}
        autoComplete="one-time-code"
        value={code}
        error={disable.error?.message}
        onChange={(e) => setCode(e.target.value)}
      />
      <Button variant="danger" type="submit" disabled={disable.isPending || !code.trim()}>
        {t('security.mfaTurnOff')}
      </Button>
    </form>
  );
}

function TwoFactor({ mfa, onDone }: { mfa: MySecurityQuery['myMfa']; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const changed = () => void queryClient.invalidateQueries({ queryKey: KEY });
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{t('security.mfa')}</h2>
      <p className="mb-3 text-sm" data-testid="mfa-state">
        {mfa.enabled ? t('security.mfaOn', { count: mfa.recoveryCodesLeft }) : t('security.mfaOff')}
      </p>
      {recoveryCodes && (
        <div className="mb-3">
          <Notice tone="success">
            <p className="mb-1 font-semibold">{t('security.recoveryCodes')}</p>
            <ul aria-label={t('security.recoveryCodes')} className="grid grid-cols-2 gap-1 font-mono">
              {recoveryCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </Notice>
        </div>
      )}
      {!mfa.enabled && (
        <Enrol
          onDone={(codes) => {
            setRecoveryCodes(codes);
            onDone({ tone: 'success', text: t('security.mfaEnabled') });
            changed();
          }}
        />
      )}
      {mfa.enabled && mfa.required && <Notice>{t('security.mfaRequired')}</Notice>}
      {mfa.enabled && !mfa.required && (
        <Disable
          onDone={() => {
            setRecoveryCodes(null);
            onDone({ tone: 'success', text: t('security.mfaDisabled') });
            changed();
          }}
        />
      )}
    </Card>
  );
}

/** The signed-in user's own security: where they are signed in (end a session, or all others), and two-factor sign-in. */
export function SecurityScreen() {
  const [message, setMessage] = useState<Message | null>(null);
  const security = useQuery({ queryKey: KEY, queryFn: () => execute(MySecurityDocument) });
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
      </div>
      {security.isPending && <Loading />}
      {security.error && <ErrorNotice error={security.error} retry={() => void security.refetch()} />}
      {security.data && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Sessions sessions={security.data.mySessions} onDone={setMessage} />
          <TwoFactor mfa={security.data.myMfa} onDone={setMessage} />
        </div>
      )}
    </>
  );
}
