import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { signIn } from '../api/session';
import { Button, Notice, TextField } from '../components/ui';
import { t, tKnown } from '../lib/i18n';

const schema = z.object({
  email: z.string().trim().email(t('signIn.emailInvalid')),
  password: z.string().min(1, t('signIn.passwordMissing')),
  otp: z.string().optional(),
});
type Form = z.infer<typeof schema>;

/** Email and password, then the six-digit code when the account has two-factor sign-in. */
export function SignInScreen({ ended }: { ended?: boolean }) {
  const [needsCode, setNeedsCode] = useState(false);
  const [failure, setFailure] = useState<string | null>(ended ? t('signIn.ended') : null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Form>({ resolver: zodResolver(schema) });

  const submit = handleSubmit(async ({ email, password, otp }) => {
    if (needsCode && !/^\d{6}$/.test(otp ?? '')) return setError('otp', { message: t('signIn.otpInvalid') });
    const result = await signIn(email, password, needsCode ? otp : undefined);
    if (result.ok || result.code === 'MFA_ENROLMENT_REQUIRED') return;
    if (result.code === 'MFA_REQUIRED') {
      setNeedsCode(true);
      setFailure(needsCode ? tKnown('signIn.INVALID_CREDENTIALS', result.message) : null);
      return;
    }
    setFailure(tKnown(`signIn.${result.code}`, t('signIn.failed', { message: result.message || result.code })));
  });

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <h1 className="mb-6 text-2xl font-bold">{t('signIn.title')}</h1>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {failure && <Notice tone="danger">{failure}</Notice>}
        <TextField label={t('signIn.email')} type="email" autoComplete="username" error={errors.email?.message} {...register('email')} />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        {needsCode && (
          <>
            <Notice tone="info" live>
              {t('signIn.MFA_REQUIRED')}
            </Notice>
            <TextField
              label={t('signIn.otp')}
              help={t('signIn.otpHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              error={errors.otp?.message}
              {...register('otp')}
            />
          </>
        )}
        <Button type="submit" disabled={isSubmitting}>
          {needsCode ? t('signIn.verify') : t('signIn.submit')}
        </Button>
      </form>
    </main>
  );
}
