import { BeginMfaEnrolmentDocument, ConfirmMfaEnrolmentDocument } from '@generated/graphql';
import { useMutation, useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { type FormEvent, useState } from 'react';

import { execute } from '../api/graphql';
import { completeEnrolment } from '../api/session';
import { Button, ErrorNotice, Loading, Notice, TextField } from '../components/ui';
import { t } from '../lib/i18n';

/** Enrolment in two-factor sign-in from the restricted session that MFA_ENROLMENT_REQUIRED gave. */
export function MfaEnrolmentScreen() {
  const [code, setCode] = useState('');
  const begin = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: () => execute(BeginMfaEnrolmentDocument),
    staleTime: Infinity,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: async () => {
      const { confirmMfaEnrolment } = await execute(ConfirmMfaEnrolmentDocument, { code });
      if (confirmMfaEnrolment.userErrors.length) throw new Error(confirmMfaEnrolment.userErrors[0].message);
      if (!confirmMfaEnrolment.refreshToken || !(await completeEnrolment(confirmMfaEnrolment.refreshToken)))
        throw new Error(t('signIn.ended'));
    },
  });
  const enrolment = begin.data?.beginMfaEnrolment;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t('mfa.title')}</h1>
      <p className="mb-4">{t('mfa.intro')}</p>
      {begin.isPending && <Loading />}
      {begin.error && <ErrorNotice error={begin.error} />}
      {enrolment?.otpauthUri && (
        <div className="mb-4 flex flex-col items-start gap-2">
          <QRCodeSVG value={enrolment.otpauthUri} size={192} role="img" aria-label={t('mfa.title')} />
          <p className="font-mono text-sm break-all">{t('mfa.secret', { secret: enrolment.secret ?? '' })}</p>
        </div>
      )}
      <form onSubmit={submit} className="flex flex-col gap-4">
        {confirm.error && <Notice tone="danger">{confirm.error.message}</Notice>}
        <TextField
          label={t('signIn.otp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" disabled={confirm.isPending || !/^\d{6}$/.test(code)}>
          {t('mfa.confirm')}
        </Button>
      </form>
    </main>
  );
}
