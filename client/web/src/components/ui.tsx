import { clsx } from 'clsx';
import { type ButtonHTMLAttributes, forwardRef, type InputHTMLAttributes, type ReactNode, useId } from 'react';

import type { Tone } from '../domain/cart-hints';
import { t } from '../lib/i18n';

export function Button({
  variant = 'primary',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button
      {...props}
      className={clsx(
        'inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50',
        variant === 'primary' && 'bg-brand-600 text-white hover:bg-brand-700',
        variant === 'secondary' && 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
        variant === 'danger' && 'bg-red-700 text-white hover:bg-red-800',
        className,
      )}
    />
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; help?: string };

/** A labelled input with its help and error text tied to it for screen readers. */
export const TextField = forwardRef<HTMLInputElement, FieldProps>(function TextField({ label, error, help, className, ...props }, ref) {
  const id = useId();
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={clsx(help && `${id}-help`, error && `${id}-error`) || undefined}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        {...props}
      />
      {help && (
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
});

const TONES: Record<Tone, string> = {
  info: 'border-blue-300 bg-blue-50 text-blue-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  danger: 'border-red-300 bg-red-50 text-red-900',
  success: 'border-green-300 bg-green-50 text-green-900',
};

export function Notice({ tone = 'info', children, live }: { tone?: Tone; children: ReactNode; live?: boolean }) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : live ? 'status' : undefined}
      className={clsx('rounded-md border px-3 py-2 text-sm', TONES[tone])}
    >
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p role="status" className="py-6 text-slate-600">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Notice tone="danger">
      <span>{t('common.error', { message: error instanceof Error ? error.message : String(error) })}</span>{' '}
      {retry && (
        <button type="button" className="underline" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}

export function PageTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-2xl font-bold text-slate-900">{children}</h1>
      {aside}
    </div>
  );
}

const BADGE: Record<string, string> = {
  IN_STOCK: 'bg-green-100 text-green-900',
  LOW: 'bg-amber-100 text-amber-900',
  OUT: 'bg-red-100 text-red-900',
  PENDING_APPROVAL: 'bg-amber-100 text-amber-900',
  AWAITING_PAYMENT: 'bg-amber-100 text-amber-900',
  APPROVED: 'bg-green-100 text-green-900',
  PROCESSING: 'bg-blue-100 text-blue-900',
  SHIPPED: 'bg-blue-100 text-blue-900',
  DELIVERED: 'bg-slate-200 text-slate-900',
  REJECTED: 'bg-red-100 text-red-900',
  CANCELLED: 'bg-slate-200 text-slate-900',
};

export function Badge({ value, children }: { value: string; children: ReactNode }) {
  return <span className={clsx('inline-block rounded px-2 py-0.5 text-xs font-semibold', BADGE[value] ?? 'bg-slate-100')}>{children}</span>;
}

export function Card({
  children,
  className,
  as: Tag = 'section',
}: {
  children: ReactNode;
  className?: string;
  as?: 'section' | 'li' | 'div' | 'article';
}) {
  return <Tag className={clsx('rounded-lg border border-slate-200 bg-white p-4 shadow-sm', className)}>{children}</Tag>;
}
