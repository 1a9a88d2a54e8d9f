import type { EntityManager } from '@mikro-orm/core';

import type { NotificationKind } from './domain/notification-audience.js';

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
