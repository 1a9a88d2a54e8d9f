import { type GraphQLClient, scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Parallel bursts of each access mutation that writes, through the real gateway, each followed by a
 * look at the database: sessions consistent with the answers, and each change logged exactly once.
 */
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken userErrors { code } } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) { loggedOut } }';
const SET_ROLE = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { user { role } userErrors { code } } }';
const DISABLE = 'mutation($u: ID!) { disableUser(userId: $u) { user { active } userErrors { code } } }';
const ENABLE = 'mutation($u: ID!) { enableUser(userId: $u) { user { active } userErrors { code } } }';
const INVITE = 'mutation($e: String!) { inviteUser(input: { email: $e, role: VIEW_ONLY }) { invitation { id } userErrors { code } } }';
const CANCEL = 'mutation($id: ID!) { cancelInvitation(id: $id) { invitation { status } userErrors { code } } }';
const CREATE_CLIENT =
  'mutation($n: String!) { createApiClient(input: { name: $n, scopes: [CATALOG_READ] }) { client { id } userErrors { code } } }';
const REVOKE_CLIENT = 'mutation($id: ID!) { revokeApiClient(id: $id) { client { revokedAt } userErrors { code } } }';
const BURST = 10;

describe('bursts of access changes, each checked in the database', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  let admin: GraphQLClient;
  let platinum: GraphQLClient;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const count = async (text: string, params: unknown[] = []) => Number((await sql(text, params))[0].count);
  const idOf = async (email: string) => (await sql('select id from dealers.user_account where email = ?', [email]))[0].id as string;
  const events = (kind: string, where = 'true', params: unknown[] = []) =>
    count(`select count(*) from dealers.security_event where kind = ? and ${where}`, [kind, ...params]);
  const liveSessions = (userId: string) =>
    count('select count(*) from dealers.session where user_id = ? and revoked_at is null and expires_at > now()', [userId]);
  const burst = <T>(run: (i: number) => Promise<T>) => Promise.all(Array.from({ length: BURST }, (_, i) => run(i)));

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, signInBurst: 500 } });
    [admin, platinum] = await Promise.all([stack.loginAs('admin@demo.staff'), stack.loginAs('platinum@demo.dealer')]);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refresh: one presented token rotates once, is answered once more within the grace; the replays close the session', async () => {
    const user = await stack.loginAs('bronze@demo.dealer');
    const sid = user.refreshToken!.split('.')[0];
    const answers = await burst(() => stack.client().data(REFRESH, { t: user.refreshToken }));
    const answered = answers.filter((a) => a.refreshSession.accessToken);
    expect(answered.length).toBeLessThanOrEqual(2);
    expect(new Set(answered.map((a) => a.refreshSession.refreshToken)).size).toBeLessThanOrEqual(1);
    expect(answers.filter((a) => a.refreshSession.userErrors.length).length).toBeGreaterThanOrEqual(BURST - 2);
    const [session] = await sql('select revoked_at, generation from dealers.session where id = ?', [sid]);
    expect(session.generation).toBeLessThanOrEqual(1);
    // A replayed token (the second presentation) ended the session, and said so.
    expect(session.revoked_at).not.toBeNull();
    expect(await events('REFRESH_TOKEN_REUSED', "detail->>'sessionId' = ?", [sid])).toBeGreaterThanOrEqual(1);
  });

  it('sign-out: ten at once end the session once, with one event', async () => {
    const user = await stack.loginAs('viewer@demo.dealer');
    const sid = user.refreshToken!.split('.')[0];
    await burst(() => stack.client().data(LOGOUT, { t: user.refreshToken }));
    expect((await sql('select revoked_at from dealers.session where id = ?', [sid]))[0].revoked_at).not.toBeNull();
    expect(await events('SESSION_REVOKED', "detail->>'sessionId' = ?", [sid])).toBe(1);
  });

  it('role changes and disable/enable: one change each, one event each, no session left', async () => {
    const userId = await idOf('orders@demo.dealer');
    await Promise.all([stack.loginAs('orders@demo.dealer'), stack.loginAs('orders@demo.dealer')]);
    const roleEvents = await events('ROLE_CHANGED', 'user_id = ?', [userId]);
    const roles = await burst(() => platinum.data(SET_ROLE, { u: userId, r: 'VIEW_ONLY' }));
    expect(roles.every((r) => r.setUserRole.userErrors.length === 0 && r.setUserRole.user.role === 'VIEW_ONLY')).toBe(true);
    expect(await events('ROLE_CHANGED', 'user_id = ?', [userId])).toBe(roleEvents + 1);
    expect(await liveSessions(userId)).toBe(0);

    await stack.loginAs('orders@demo.dealer');
    const disables = await burst(() => platinum.data(DISABLE, { u: userId }));
    expect(disables.every((r) => r.disableUser.user.active === false)).toBe(true);
    expect(await events('USER_DISABLED', 'user_id = ?', [userId])).toBe(1);
    expect(await liveSessions(userId)).toBe(0);
    await burst(() => platinum.data(ENABLE, { u: userId }));
    expect(await events('USER_ENABLED', 'user_id = ?', [userId])).toBe(1);
    expect((await sql('select active, role from dealers.user_account where id = ?', [userId]))[0]).toMatchObject({
      active: true,
      role: 'VIEW_ONLY',
    });
  });

  it('invitations: ten made at once are ten, each logged; ten cancels of one are one', async () => {
    const made = await burst((i) => platinum.data(INVITE, { e: `burst-${i}@example.test` }));
    expect(made.every((r) => r.inviteUser.userErrors.length === 0)).toBe(true);
    expect(await count("select count(*) from dealers.invitation where email like 'burst-%@example.test'")).toBe(BURST);
    expect(await events('USER_INVITED', "email like 'burst-%@example.test'")).toBe(BURST);
    const id = made[0].inviteUser.invitation.id;
    await burst(() => platinum.data(CANCEL, { id }));
    expect(await events('INVITATION_CANCELLED', "detail->>'invitationId' = ?", [id])).toBe(1);
  });

  it('API clients: ten created at once are ten; ten revokes of one are one, logged once', async () => {
    const created = await burst((i) => admin.data(CREATE_CLIENT, { n: `Burst client ${i}` }));
    expect(new Set(created.map((r) => r.createApiClient.client.id)).size).toBe(BURST);
    const ids = created.map((r) => r.createApiClient.client.id as string);
    expect(await events('API_CLIENT_CREATED', "detail->>'clientId' = any(?::text[])", [`{${ids.join(',')}}`])).toBe(BURST);
    const id = created[0].createApiClient.client.id;
    const revoked = await burst(() => admin.data(REVOKE_CLIENT, { id }));
    expect(new Set(revoked.map((r) => r.revokeApiClient.client.revokedAt)).size).toBe(1);
    expect(await events('API_CLIENT_REVOKED', "detail->>'clientId' = ?", [id])).toBe(1);
  });
});
