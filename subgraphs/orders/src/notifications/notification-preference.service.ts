import { ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { kindsFor, type NotificationKind } from './domain/notification-audience.js';

/** One kind of mail and how the user wants it. */
export interface EmailPreference {
  kind: NotificationKind;
  email: 'IMMEDIATE' | 'OFF';
}

/** The caller's choice for every kind they can receive (IMMEDIATE unless turned off). */
export async function myEmailPreferences(ctx: OrdersContext): Promise<EmailPreference[]> {
  const claims = requireClaims(ctx.claims);
  const chosen = await emailPreferencesOf(ctx.em, claims.sub);
  return kindsFor(claims.role).map((kind) => ({ kind, email: chosen.get(kind) ?? 'IMMEDIATE' }));
}

/** Sets the caller's choice for one kind; a kind they never receive is refused (INVALID_INPUT at `kind`). */
export async function setMyEmailPreference(
  ctx: OrdersContext,
  choice: { kind: NotificationKind; email: 'IMMEDIATE' | 'OFF' },
): Promise<Result<EmailPreference[]>> {
  const claims = requireClaims(ctx.claims);
  if (!kindsFor(claims.role).includes(choice.kind))
    return refused(userError('INVALID_INPUT', `You never receive ${choice.kind} mails: there is nothing to choose.`, ['kind']));
  await setEmailPreference(ctx.em, { userId: claims.sub, ...choice });
  return ok(await myEmailPreferences(ctx));
}

/** Sets one user's e-mail choice for one kind (an upsert: the last choice wins). */
export async function setEmailPreference(
  em: EntityManager,
  choice: { userId: string; kind: NotificationKind; email: 'IMMEDIATE' | 'OFF' },
): Promise<void> {
  const schema = em.config.get('schema');
  await em.getConnection().execute(
    `insert into "${schema}"."notification_preference" (user_id, kind, email, updated_at) values (?, ?, ?, now())
       on conflict (user_id, kind) do update set email = excluded.email, updated_at = excluded.updated_at`,
    [choice.userId, choice.kind, choice.email],
  );
}

/** A user's e-mail choices, by kind (kinds without a row are IMMEDIATE). */
export async function emailPreferencesOf(em: EntityManager, userId: string): Promise<Map<string, 'IMMEDIATE' | 'OFF'>> {
  const schema = em.config.get('schema');
  const rows: { kind: string; email: 'IMMEDIATE' | 'OFF' }[] = await em
    .getConnection()
    .execute(`select kind, email from "${schema}"."notification_preference" where user_id = ?`, [userId]);
  return new Map(rows.map((r) => [r.kind, r.email]));
}
