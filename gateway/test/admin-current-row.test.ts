import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A DEALER_ADMIN removed from office (demoted or disabled) cannot undo it, nor act as an admin, in
 * the time the gateway still believes its session (here a long session-check cache, so the token
 * surely reaches the subgraph): user administration reads the actor's current row, not the token.
 */
const SET_ROLE = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { user { role } userErrors { code } } }';
const ENABLE = 'mutation($u: ID!) { enableUser(userId: $u) { user { active } userErrors { code } } }';
const DISABLE = 'mutation($u: ID!) { disableUser(userId: $u) { user { active } userErrors { code } } }';
const INVITE = 'mutation($e: String!) { inviteUser(input: { email: $e, role: DEALER_ADMIN }) { invitationToken userErrors { code } } }';

describe('user administration authorizes from the actor’s current row', () => {
  let stack: TestStack;
  let platinum: GraphQLClient;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const idOf = async (email: string) => (await sql('select id from dealers.user_account where email = ?', [email]))[0].id as string;
  const rowOf = async (email: string) => (await sql('select role, active from dealers.user_account where email = ?', [email]))[0];
  const actedBy = async (actorId: string) => ({
    invitations: Number((await sql('select count(*) from dealers.invitation where invited_by = ?', [actorId]))[0].count),
    events: Number((await sql('select count(*) from dealers.security_event where actor_id = ?', [actorId]))[0].count),
  });
  const refusedCodes = (
    answers: { data?: Record<string, { userErrors?: { code: string }[] } | null>; errors?: { extensions?: { code?: unknown } }[] }[],
  ) => answers.map((a) => a.errors?.[0]?.extensions?.code ?? Object.values(a.data ?? {})[0]?.userErrors?.[0]?.code ?? 'DONE');

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 60_000 } });
    // Two more DEALER_ADMINs of the platinum dealer, to be removed.
    await sql("update dealers.user_account set role = 'DEALER_ADMIN' where email in ('orders@demo.dealer', 'viewer@demo.dealer')");
    platinum = await stack.loginAs('platinum@demo.dealer');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a demoted DEALER_ADMIN making itself admin again or inviting, while its token still passes the gateway', async () => {
    const mallory = await stack.loginAs('orders@demo.dealer');
    const malloryId = await idOf('orders@demo.dealer');
    // The gateway now believes this session for the cache time.
    await mallory.data('{ dealerUsers(first: 1) { totalCount } }');
    expect((await platinum.data(SET_ROLE, { u: malloryId, r: 'VIEW_ONLY' })).setUserRole.userErrors).toEqual([]);
    const before = await actedBy(malloryId);

    const answers = await Promise.all([
      mallory.request(SET_ROLE, { u: malloryId, r: 'DEALER_ADMIN' }),
      ...Array.from({ length: 6 }, (_, i) => mallory.request(INVITE, { e: `mallory-friend-${i}@example.test` })),
    ]);
    expect(refusedCodes(answers)).toEqual(Array(7).fill('FORBIDDEN'));
    expect(await rowOf('orders@demo.dealer')).toMatchObject({ role: 'VIEW_ONLY', active: true });
    expect(await actedBy(malloryId)).toEqual(before);
  });

  it('refuses a disabled DEALER_ADMIN enabling itself or disabling the admin who disabled it', async () => {
    const eve = await stack.loginAs('viewer@demo.dealer');
    const eveId = await idOf('viewer@demo.dealer');
    await eve.data('{ dealerUsers(first: 1) { totalCount } }');
    expect((await platinum.data(DISABLE, { u: eveId })).disableUser.userErrors).toEqual([]);
    const before = await actedBy(eveId);

    const answers = await Promise.all([
      eve.request(ENABLE, { u: eveId }),
      eve.request(DISABLE, { u: await idOf('platinum@demo.dealer') }),
      eve.request(INVITE, { e: 'eve-again@example.test' }),
    ]);
    expect(refusedCodes(answers)).toEqual(Array(3).fill('FORBIDDEN'));
    expect(await rowOf('viewer@demo.dealer')).toMatchObject({ active: false });
    expect(await rowOf('platinum@demo.dealer')).toMatchObject({ active: true });
    expect(await actedBy(eveId)).toEqual(before);
  });
});
