import { ok, refused, requireClaims, type Result } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { type QuietHours, quietHoursProblems } from './domain/quiet-hours.js';

/** The caller's quiet hours, or null when they have none. */
export async function myQuietHours(ctx: OrdersContext): Promise<QuietHours | null> {
  const claims = requireClaims(ctx.claims);
  const schema = ctx.em.config.get('schema');
  const [row] = await ctx.em
    .getConnection()
    .execute<{ start: string; end: string; time_zone: string }[]>(
      `select start, "end", time_zone from "${schema}"."notification_quiet_hours" where user_id = ?`,
      [claims.sub],
    );
  return row ? { start: row.start, end: row.end, timeZone: row.time_zone } : null;
}

/** Sets (an upsert: the last choice wins) or, with null, clears the caller's quiet hours; a window that is not one is refused (INVALID_INPUT). */
export async function setMyQuietHours(ctx: OrdersContext, quiet: QuietHours | null): Promise<Result<QuietHours | null>> {
  const claims = requireClaims(ctx.claims);
  const schema = ctx.em.config.get('schema');
  const connection = ctx.em.getConnection();
  if (!quiet) {
    await connection.execute(`delete from "${schema}"."notification_quiet_hours" where user_id = ?`, [claims.sub]);
    return ok(null);
  }
  const problems = quietHoursProblems(quiet);
  if (problems.length > 0) return refused(...problems);
  await connection.execute(
    `insert into "${schema}"."notification_quiet_hours" (user_id, start, "end", time_zone, updated_at) values (?, ?, ?, ?, now())
       on conflict (user_id) do update set start = excluded.start, "end" = excluded."end", time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
    [claims.sub, quiet.start, quiet.end, quiet.timeZone],
  );
  return ok(quiet);
}
