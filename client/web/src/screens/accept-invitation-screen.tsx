import { AcceptInvitationDocument } from '@generated/graphql';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { execute } from '../api/graphql';
import { signIn } from '../api/session';
import { Button, Notice, TextField } from '../components/ui';
import { t, tKnown } from '../lib/i18n';
import { tokenFromHash } from '../lib/invitation-link';

const schema = z
  .object({
    token: z.string().trim().min(1, t('invite.tokenMissing')),
    name: z.string().trim().min(1, t('invite.nameMissing')).max(200),
    password: z.string().min(12, t('invite.passwordShort')),
    repeat: z.string(),
  })
  .refine((form) => form.password === form.repeat, { path: ['repeat'], message: t('invite.passwordMismatch') });
type Form = z.infer<typeof schema>;

/** An invited user opens the link, chooses a name and password, and is signed in. */
export function AcceptInvitationScreen() {
  const [failure, setFailure] = useState<string | null>(null);
  const fromLink = tokenFromHash(window.location.hash);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { token: fromLink, name: '', password: '', repeat: '' } });

  const submit = handleSubmit(async ({ token, name, password }) => {
    setFailure(null);
    let accepted;
    try {
      accepted = (await execute(AcceptInvitationDocument, { token: token.trim(), name: name.trim(), password })).acceptInvitation;
    } catch (error) {
      return setFailure(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
    }
    const error = accepted.userErrors[0];
    if (error || !accepted.user) return setFailure(tKnown(`invite.${error?.code}`, error?.message ?? t('invite.failed')));
    // The account exists: sign in with it, and leave the link (its token is spent) for the home page.
    window.history.replaceState(null, '', '/');
    const result = await signIn(accepted.user.email, password);
    if (!result.ok && result.code !== 'MFA_ENROLMENT_REQUIRED') {
      window.location.assign('/');
    }
  });

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <h1 className="mb-2 text-2xl font-bold">{t('invite.title')}</h1>
      <p className="mb-6 text-sm text-slate-700">{t('invite.intro')}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {failure && <Notice tone="danger">{failure}</Notice>}
        {/* The code is filled in from the link; shown only when it was not (a code typed from the message). */}
        {fromLink ? (
          <input type="hidden" {...register('token')} />
        ) : (
          <TextField label={t('invite.token')} autoComplete="off" error={errors.token?.message} {...register('token')} />
        )}
        <TextField label={t('invite.name')} autoComplete="name" error={errors.name?.message} {...register('name')} />
        <TextField
          label={t('invite.password')}
          type="password"
          autoComplete="new-password"
          help={t('invite.passwordHelp')}
          error={errors.password?.message}
          {...register('password')}
        />
        <TextField
          label={t('invite.repeat')}
          type="password"
          autoComplete="new-password"
          error={errors.repeat?.message}
          {...register('repeat')}
        />
        <Button type="submit" disabled={isSubmitting}>
          {t('invite.submit')}
        </Button>
        <a href="/" className="text-sm text-brand-700 underline">
          {t('invite.haveAccount')}
        </a>
      </form>
    </main>
  );
}
