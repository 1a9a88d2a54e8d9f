import { ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { kindsFor, type NotificationKind } from './domain/notification-audience.js';

export type EmailChoice = 'IMMEDIATE' | 'OFF';
export type PushChoice = 'ON' | 'OFF';

/** One kind of notification and how the user wants it, per channel. */
export interface NotificationChoice {
  kind: NotificationKind;
  email: EmailChoice;
  push: PushChoice;
}

/** The caller's choice for every kind they can receive (mail IMMEDIATE and push ON unless turned off). */
export async function myEmailPreferences(ctx: OrdersContext): Promise<NotificationChoice[]> {
  const claims = requireClaims(ctx.claims);
  const chosen = await preferencesOf(ctx.em, claims.sub);
  return kindsFor(claims.role).map((kind) => ({
    kind,
    email: chosen.get(kind)?.email ?? 'IMMEDIATE',
    push: chosen.get(kind)?.push ?? 'ON',
  }));
}

/**
 * Sets the caller's choice for one kind, on the channels given (the others keep theirs). Refused
 * with INVALID_INPUT: a kind they never receive (at `kind`), or no channel given.
 */
export async function setMyEmailPreference(
  ctx: OrdersContext,
  choice: { kind: NotificationKind; email?: EmailChoice | null; push?: PushChoice | null },
): Promise<Result<NotificationChoice[]>> {
  const claims = requireClaims(ctx.claims);
  if (!kindsFor(claims.role).includes(choice.kind))
    return refused(userError('INVALID_INPUT', `You never receive ${choice.kind} notifications: there is nothing to choose.`, ['kind']));
  if (choice.email == null && choice.push == null)
    return refused(userError('INVALID_INPUT', 'Give email or push (or both): there is nothing to change.', ['email']));
  await setPreference(ctx.em, { userId: claims.sub, kind: choice.kind, email: choice.email ?? null, push: choice.push ?? null });
  return ok(await myEmailPreferences(ctx));
}

/** Sets one user's e-mail choice for one kind (the one-click unsubscribe link). */
export async function setEmailPreference(
  em: EntityManager,
  choice: { userId: string; kind: NotificationKind; email: EmailChoice },
): Promise<void> {
  await setPreference(em, { ...choice, push: null });
}

/** An upsert of one user's choice for one kind: the channels given change (the last choice wins), the others keep theirs. */
async function setPreference(
  em: EntityManager,
  choice: { userId: string; kind: NotificationKind; email: EmailChoice | null; push: PushChoice | null },
): Promise<void> {
  const schema = em.config.get('schema');
  await em.getConnection().execute(
    `insert into "${schema}"."notification_preference" as p (user_id, kind, email, push, updated_at)
       values (?, ?, coalesce(?, 'IMMEDIATE'), coalesce(?, 'ON'), now())
       on conflict (user_id, kind) do update set email = coalesce(?, p.email), push = coalesce(?, p.push), updated_at = excluded.updated_at`,
    [choice.userId, choice.kind, choice.email, choice.push, choice.email, choice.push],
  );
}

/** A user's choices, by kind (kinds without a row are mail IMMEDIATE, push ON). */
async function preferencesOf(em: EntityManager, userId: string): Promise<Map<string, { email: EmailChoice; push: PushChoice }>> {
  const schema = em.config.get('schema');
  const rows: { kind: string; email: EmailChoice; push: PushChoice }[] = await em
    .getConnection()
    .execute(`select kind, email, push from "${schema}"."notification_preference" where user_id = ?`, [userId]);
  return new Map(rows.map((r) => [r.kind, { email: r.email, push: r.push }]));
}
