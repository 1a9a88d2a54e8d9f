import { randomUUID } from 'node:crypto';

import { ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { type PushSubscriptionInput, pushSubscriptionProblems } from './domain/push-subscription-rules.js';

/** A device the caller subscribed, as they see it (the keys stay in the database). */
export interface PushDevice {
  id: string;
  endpoint: string;
  userAgent: string | null;
  createdAt: Date;
}

/** How many devices one user may subscribe: a bound on what one account can make the service post to. */
export const MAX_PUSH_DEVICES = 20;

interface DeviceRow {
  id: string;
  endpoint: string;
  user_agent: string | null;
  created_at: Date;
}
const toDevice = (r: DeviceRow): PushDevice => ({
  id: r.id,
  endpoint: r.endpoint,
  userAgent: r.user_agent,
  createdAt: new Date(r.created_at),
});

/** The caller's subscribed devices, newest first. */
export async function myPushDevices(ctx: OrdersContext): Promise<PushDevice[]> {
  const claims = requireClaims(ctx.claims);
  const schema = ctx.em.config.get('schema');
  const rows = await ctx.em
    .getConnection()
    .execute<DeviceRow[]>(
      `select id, endpoint, user_agent, created_at from "${schema}"."push_subscription" where user_id = ? order by created_at desc, id`,
      [claims.sub],
    );
  return rows.map(toDevice);
}

/**
 * Subscribes the caller's device: an upsert on the endpoint (a device subscribing again, or a second
 * user signing in on it, keeps one row, now the caller's, with the keys just given). Refused: web push
 * off (PUSH_UNAVAILABLE), a subscription that is not one (INVALID_INPUT at the field), a twenty-first
 * device (TOO_MANY_DEVICES). The count and the insert hold the user's advisory lock, so a burst of
 * registrations cannot pass the bound.
 */
export async function registerMyPushDevice(ctx: OrdersContext, input: PushSubscriptionInput): Promise<Result<PushDevice>> {
  const claims = requireClaims(ctx.claims);
  if (!ctx.webPush?.keys) return refused(userError('PUSH_UNAVAILABLE', 'Web push is not set up on this server (VAPID keys).'));
  const problems = pushSubscriptionProblems({ input, allowHttp: ctx.webPush.allowHttpEndpoints });
  if (problems.length > 0) return refused(...problems);
  const schema = ctx.em.config.get('schema');
  return ctx.em.transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(`select pg_advisory_xact_lock(hashtextextended(?, 17))`, [`push:${claims.sub}`], 'all', tx);
    const [{ n }] = await connection.execute<{ n: number }[]>(
      `select count(*)::int as n from "${schema}"."push_subscription" where user_id = ? and endpoint <> ?`,
      [claims.sub, input.endpoint],
      'all',
      tx,
    );
    if (n >= MAX_PUSH_DEVICES)
      return refused(
        userError('TOO_MANY_DEVICES', `At most ${MAX_PUSH_DEVICES} devices per user; remove one first.`, ['input', 'endpoint']),
      );
    const [row] = await connection.execute<DeviceRow[]>(
      `insert into "${schema}"."push_subscription" (id, user_id, endpoint, p256dh, auth, user_agent) values (?, ?, ?, ?, ?, ?)
         on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
                                              user_agent = excluded.user_agent
         returning id, endpoint, user_agent, created_at`,
      [randomUUID(), claims.sub, input.endpoint, input.p256dh.replace(/=+$/, ''), input.auth.replace(/=+$/, ''), input.userAgent ?? null],
      'all',
      tx,
    );
    return ok(toDevice(row));
  });
}

/** Unsubscribes one of the caller's devices by its endpoint; true when there was one (another user's is left alone). */
export async function removeMyPushDevice(ctx: OrdersContext, endpoint: string): Promise<boolean> {
  const claims = requireClaims(ctx.claims);
  const schema = ctx.em.config.get('schema');
  const removed = await ctx.em
    .getConnection()
    .execute<{ id: string }[]>(`delete from "${schema}"."push_subscription" where endpoint = ? and user_id = ? returning id`, [
      endpoint,
      claims.sub,
    ]);
  return removed.length > 0;
}
