import { type GraphQLClient, scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) {
  invitation { id email role dealer { name } expiresAt } invitationToken userErrors { code field } } }`;
const ACCEPT = `mutation($t: String!, $p: String!, $n: String!) { acceptInvitation(token: $t, password: $p, name: $n) {
  user { id email role active dealer { name } } userErrors { code } } }`;
const USERS = `query($d: ID) { dealerUsers(dealerId: $d, first: 100) { totalCount nodes { id email role active } } }`;
const SET_ROLE = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { user { id role } userErrors { code } } }';
const DISABLE = 'mutation($u: ID!) { disableUser(userId: $u) { user { id active } userErrors { code } } }';
const ENABLE = 'mutation($u: ID!) { enableUser(userId: $u) { user { id active } userErrors { code } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken userErrors { code } } }';
const PASSWORD = 'a-long-new-password-1';
const INVITATIONS = `query($s: InvitationStatus, $after: String) { invitations(first: 100, status: $s, after: $after) {
  totalCount nodes { id email role status dealer { name } cancelledAt } } }`;
const CANCEL = 'mutation($id: ID!) { cancelInvitation(id: $id) { invitation { id status cancelledAt } userErrors { code } } }';

describe('dealer user administration, through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  let platinum: GraphQLClient;
  let bronze: GraphQLClient;
  let admin: GraphQLClient;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const userCount = async () => Number((await sql('select count(*) from dealers.user_account'))[0].count);
  const idOf = async (email: string) => (await sql('select id from dealers.user_account where email = ?', [email]))[0].id as string;

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0 } });
    [platinum, bronze, admin] = await Promise.all([
      stack.loginAs('platinum@demo.dealer'),
      stack.loginAs('bronze@demo.dealer'),
      stack.loginAs('admin@demo.staff'),
    ]);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('invites a user to the own dealer; the token creates the account once, and a replay creates nothing', async () => {
    const { inviteUser } = await platinum.data(INVITE, { input: { email: 'New.Buyer@demo.dealer', role: 'ORDER_ENTRY' } });
    expect(inviteUser.userErrors).toEqual([]);
    expect(inviteUser.invitation).toMatchObject({
      email: 'new.buyer@demo.dealer',
      role: 'ORDER_ENTRY',
      dealer: { name: 'Demo Platinum Dealer' },
    });
    const token = inviteUser.invitationToken as string;
    expect(token.length).toBeGreaterThanOrEqual(43);
    // Only the hash is kept.
    expect((await sql('select count(*) from dealers.invitation where token_hash = ?', [token]))[0].count).toBe('0');

    const anonymous = stack.client();
    const accepted = (await anonymous.data(ACCEPT, { t: token, p: PASSWORD, n: 'New Buyer' })).acceptInvitation;
    expect(accepted).toMatchObject({
      user: { email: 'new.buyer@demo.dealer', role: 'ORDER_ENTRY', active: true, dealer: null },
      userErrors: [],
    });
    const before = await userCount();
    const replay = (await stack.client().data(ACCEPT, { t: token, p: 'another-long-password', n: 'Mallory' })).acceptInvitation;
    expect(replay).toEqual({ user: null, userErrors: [{ code: 'INVITATION_USED' }] });
    expect(await userCount()).toBe(before);
    const signedIn = (await stack.client().data(LOGIN, { e: 'new.buyer@demo.dealer', p: PASSWORD })).login;
    expect(signedIn.userErrors).toEqual([]);
    const other = (await stack.client().data(LOGIN, { e: 'new.buyer@demo.dealer', p: 'another-long-password' })).login;
    expect(other.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
  });

  it('lets two concurrent acceptances of one token make one account', async () => {
    const token = (await platinum.data(INVITE, { input: { email: 'race@demo.dealer', role: 'VIEW_ONLY' } })).inviteUser.invitationToken;
    const before = await userCount();
    const results = await Promise.all(
      [1, 2, 3].map((i) => stack.client().data(ACCEPT, { t: token, p: `${PASSWORD}-${i}`, n: `Racer ${i}` })),
    );
    const codes = results.map((r) => r.acceptInvitation.userErrors.map((e: { code: string }) => e.code).join() || 'OK').sort();
    expect(codes).toEqual(['INVITATION_USED', 'INVITATION_USED', 'OK']);
    expect(await userCount()).toBe(before + 1);
  });

  it('refuses a forged and an expired token with clear codes, and creates nothing', async () => {
    const before = await userCount();
    const forged = (await stack.client().data(ACCEPT, { t: 'A'.repeat(43), p: PASSWORD, n: 'Forger' })).acceptInvitation;
    expect(forged).toEqual({ user: null, userErrors: [{ code: 'INVALID_INVITATION' }] });
    const { inviteUser } = await platinum.data(INVITE, { input: { email: 'late@demo.dealer', role: 'VIEW_ONLY' } });
    await sql("update dealers.invitation set expires_at = now() - interval '1 minute' where id = ?", [inviteUser.invitation.id]);
    const expired = (await stack.client().data(ACCEPT, { t: inviteUser.invitationToken, p: PASSWORD, n: 'Late' })).acceptInvitation;
    expect(expired).toEqual({ user: null, userErrors: [{ code: 'INVITATION_EXPIRED' }] });
    expect(await userCount()).toBe(before);
    // A weak password keeps the invitation open.
    const fresh = (await platinum.data(INVITE, { input: { email: 'weak@demo.dealer', role: 'VIEW_ONLY' } })).inviteUser.invitationToken;
    expect((await stack.client().data(ACCEPT, { t: fresh, p: 'short', n: 'Weak' })).acceptInvitation.userErrors).toEqual([
      { code: 'WEAK_PASSWORD' },
    ]);
    expect((await stack.client().data(ACCEPT, { t: fresh, p: PASSWORD, n: 'Weak' })).acceptInvitation.userErrors).toEqual([]);
  });

  it('keeps a DEALER_ADMIN to their own dealer and dealer roles', async () => {
    const bronzeDealer = (await bronze.data('{ me { dealer { id } } }')).me.dealer.id;
    const elsewhere = (await platinum.data(INVITE, { input: { email: 'x@demo.dealer', role: 'VIEW_ONLY', dealerId: bronzeDealer } }))
      .inviteUser;
    expect(elsewhere.userErrors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN']);
    const staffRole = (await platinum.data(INVITE, { input: { email: 'y@demo.dealer', role: 'ADMIN' } })).inviteUser;
    expect(staffRole.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_ROLE']);
    const taken = (await platinum.data(INVITE, { input: { email: 'orders@demo.dealer', role: 'VIEW_ONLY' } })).inviteUser;
    expect(taken.userErrors.map((e: { code: string }) => e.code)).toEqual(['EMAIL_TAKEN']);
    expect(Number((await sql("select count(*) from dealers.invitation where email in ('x@demo.dealer', 'y@demo.dealer')"))[0].count)).toBe(
      0,
    );

    const bronzeAdmin = await idOf('bronze@demo.dealer');
    expect((await platinum.data(SET_ROLE, { u: bronzeAdmin, r: 'VIEW_ONLY' })).setUserRole.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await platinum.data(DISABLE, { u: bronzeAdmin })).disableUser.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const listed = await platinum.request(USERS, { d: bronzeDealer });
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = (await platinum.data(USERS, {})).dealerUsers;
    expect(own.nodes.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['platinum@demo.dealer', 'orders@demo.dealer', 'viewer@demo.dealer']),
    );
    expect(own.nodes.every((u: { email: string }) => u.email !== 'bronze@demo.dealer')).toBe(true);
    expect((await sql('select role, active from dealers.user_account where id = ?', [bronzeAdmin]))[0]).toEqual({
      role: 'DEALER_ADMIN',
      active: true,
    });
  });

  it('sets a role: the user is signed out, and the new role applies at the next sign-in', async () => {
    const viewer = await stack.loginAs('viewer@demo.dealer');
    const id = await idOf('viewer@demo.dealer');
    expect((await platinum.data(SET_ROLE, { u: id, r: 'ORDER_ENTRY' })).setUserRole).toEqual({
      user: { id, role: 'ORDER_ENTRY' },
      userErrors: [],
    });
    expect((await viewer.request('{ me { role } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await (await stack.loginAs('viewer@demo.dealer')).data('{ me { role } }')).me.role).toBe('ORDER_ENTRY');
    expect((await platinum.data(SET_ROLE, { u: id, r: 'VIEW_ONLY' })).setUserRole.userErrors).toEqual([]);
  });

  it('disables a user: sessions end and sign-in is refused; enabling lets them back in', async () => {
    const orders = await stack.loginAs('orders@demo.dealer');
    const id = await idOf('orders@demo.dealer');
    expect((await platinum.data(DISABLE, { u: id })).disableUser).toEqual({ user: { id, active: false }, userErrors: [] });
    expect((await orders.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await stack.client().data(LOGIN, { e: 'orders@demo.dealer', p: 'demo-pass-2026' })).login.userErrors).toEqual([
      { code: 'INVALID_CREDENTIALS' },
    ]);
    expect((await platinum.data(ENABLE, { u: id })).enableUser).toEqual({ user: { id, active: true }, userErrors: [] });
    expect((await stack.client().data(LOGIN, { e: 'orders@demo.dealer', p: 'demo-pass-2026' })).login.userErrors).toEqual([]);
  });

  it('never leaves a dealer without an active DEALER_ADMIN, even under concurrent changes', async () => {
    const bronzeAdmin = await idOf('bronze@demo.dealer');
    expect((await bronze.data(SET_ROLE, { u: bronzeAdmin, r: 'ORDER_ENTRY' })).setUserRole.userErrors).toEqual([{ code: 'LAST_ADMIN' }]);
    expect((await bronze.data(DISABLE, { u: bronzeAdmin })).disableUser.userErrors).toEqual([{ code: 'LAST_ADMIN' }]);
    expect((await admin.data(DISABLE, { u: bronzeAdmin })).disableUser.userErrors).toEqual([{ code: 'LAST_ADMIN' }]);

    // A second admin, then both demote each other at once: one of the two changes is refused.
    const bronzeDealer = (await bronze.data('{ me { dealer { id } } }')).me.dealer.id;
    const token = (await admin.data(INVITE, { input: { email: 'second@demo.dealer', role: 'DEALER_ADMIN', dealerId: bronzeDealer } }))
      .inviteUser.invitationToken;
    const second = (await stack.client().data(ACCEPT, { t: token, p: PASSWORD, n: 'Second Admin' })).acceptInvitation.user;
    const secondClient = stack.client();
    await secondClient.login('second@demo.dealer', PASSWORD);
    const [a, b] = await Promise.all([
      bronze.request(SET_ROLE, { u: second.id, r: 'VIEW_ONLY' }),
      secondClient.request(SET_ROLE, { u: bronzeAdmin, r: 'VIEW_ONLY' }),
    ]);
    // An error without a code is never read as success: its message shows in the failure.
    const outcomeOf = (r: typeof a) =>
      r.data?.setUserRole?.userErrors?.[0]?.code ??
      (r.errors?.length ? (r.errors[0].extensions?.code ?? `ERROR ${r.errors[0].message}`) : r.data?.setUserRole ? 'OK' : 'NO DATA');
    const outcomes = [a, b].map(outcomeOf).sort();
    // The loser is refused by the rule (LAST_ADMIN), or, when the winner's change came first, as no
    // longer an admin (FORBIDDEN: its current row decides) or at the door (its session ended).
    expect(outcomes[0]).toMatch(/^(LAST_ADMIN|FORBIDDEN|UNAUTHENTICATED)$/);
    expect(outcomes[1]).toBe('OK');
    const admins = await sql("select count(*) from dealers.user_account where dealer_id = ? and role = 'DEALER_ADMIN' and active", [
      bronzeDealer,
    ]);
    expect(Number(admins[0].count)).toBe(1);
  });

  it('lets ADMIN administer staff, but never grant past the rules', async () => {
    const staff = (await admin.data(USERS, {})).dealerUsers;
    expect(staff.nodes.map((u: { email: string }) => u.email)).toContain('gm@demo.staff');
    const rep = await idOf('rep@demo.staff');
    expect((await admin.data(SET_ROLE, { u: rep, r: 'REGIONAL_MANAGER' })).setUserRole.userErrors).toEqual([]);
    expect((await admin.data(SET_ROLE, { u: rep, r: 'ORDER_ENTRY' })).setUserRole.userErrors).toEqual([{ code: 'INVALID_ROLE' }]);
    const me = await idOf('admin@demo.staff');
    expect((await admin.data(DISABLE, { u: me })).disableUser.userErrors).toEqual([{ code: 'LAST_ADMIN' }]);
    const gm = await stack.loginAs('gm@demo.staff');
    expect((await gm.request(SET_ROLE, { u: rep, r: 'SALES_REP' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sql('select role from dealers.user_account where id = ?', [rep]))[0].role).toBe('REGIONAL_MANAGER');
  });

  it('lets ADMIN invite staff, and counts acceptInvitation as a credential field (one per request)', async () => {
    const { inviteUser } = await admin.data(INVITE, { input: { email: 'new.rep@demo.staff', role: 'SALES_REP' } });
    expect(inviteUser.userErrors).toEqual([]);
    expect(inviteUser.invitation.dealer).toBeNull();
    const aliased = await stack.client().request(
      `mutation($t: String!) { a: acceptInvitation(token: $t, password: "${PASSWORD}", name: "A") { userErrors { code } }
         b: acceptInvitation(token: $t, password: "${PASSWORD}", name: "B") { userErrors { code } } }`,
      { t: inviteUser.invitationToken },
    );
    expect(aliased.errors?.[0].extensions?.code).toBe('ONE_CREDENTIAL_FIELD_PER_REQUEST');
    expect(Number((await sql("select count(*) from dealers.user_account where email = 'new.rep@demo.staff'"))[0].count)).toBe(0);
    const accepted = (await stack.client().data(ACCEPT, { t: inviteUser.invitationToken, p: PASSWORD, n: 'New Rep' })).acceptInvitation;
    expect(accepted.user).toMatchObject({ email: 'new.rep@demo.staff', role: 'SALES_REP', dealer: null });
  });

  it("lists pending invitations (a DEALER_ADMIN its own dealer's, an ADMIN all); a cancelled token is refused and nothing is created", async () => {
    // (bronze's admin may have been signed out by the test above)
    const bronzeDealer = (await sql("select dealer_id from dealers.user_account where email = 'bronze@demo.dealer'"))[0]
      .dealer_id as string;
    const mine = (await platinum.data(INVITE, { input: { email: 'pending@demo.dealer', role: 'VIEW_ONLY' } })).inviteUser;
    const theirs = (await admin.data(INVITE, { input: { email: 'bronze.pending@demo.dealer', role: 'VIEW_ONLY', dealerId: bronzeDealer } }))
      .inviteUser;
    const staffInvite = (await admin.data(INVITE, { input: { email: 'pending.rep@demo.staff', role: 'SALES_REP' } })).inviteUser;

    const open = (await platinum.data(INVITATIONS, { s: 'OPEN' })).invitations;
    const openEmails = open.nodes.map((i: { email: string }) => i.email);
    expect(openEmails).toContain('pending@demo.dealer');
    expect(openEmails).not.toContain('bronze.pending@demo.dealer');
    expect(openEmails).not.toContain('pending.rep@demo.staff');
    expect(
      open.nodes.every(
        (i: { status: string; dealer: { name: string } }) => i.status === 'OPEN' && i.dealer.name === 'Demo Platinum Dealer',
      ),
    ).toBe(true);
    // Used invitations are not pending, and show as ACCEPTED.
    expect(openEmails).not.toContain('new.buyer@demo.dealer');
    const accepted = (await platinum.data(INVITATIONS, { s: 'ACCEPTED' })).invitations.nodes.map((i: { email: string }) => i.email);
    expect(accepted).toContain('new.buyer@demo.dealer');
    const all = (await admin.data(INVITATIONS, { s: 'OPEN' })).invitations.nodes.map((i: { email: string }) => i.email);
    expect(all).toEqual(expect.arrayContaining(['pending@demo.dealer', 'bronze.pending@demo.dealer', 'pending.rep@demo.staff']));
    expect((await (await stack.loginAs('orders@demo.dealer')).request(INVITATIONS, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await (await stack.loginAs('gm@demo.staff')).request(CANCEL, { id: theirs.invitation.id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );

    // Another dealer's invitation is out of reach and stays open.
    expect((await platinum.data(CANCEL, { id: theirs.invitation.id })).cancelInvitation).toEqual({
      invitation: null,
      userErrors: [{ code: 'NOT_FOUND' }],
    });
    const cancelled = (await platinum.data(CANCEL, { id: mine.invitation.id })).cancelInvitation;
    expect(cancelled).toMatchObject({ invitation: { id: mine.invitation.id, status: 'CANCELLED' }, userErrors: [] });
    expect(cancelled.invitation.cancelledAt).toBeTruthy();
    // Twice is harmless: one event only.
    expect((await platinum.data(CANCEL, { id: mine.invitation.id })).cancelInvitation.userErrors).toEqual([]);
    expect((await admin.data(CANCEL, { id: staffInvite.invitation.id })).cancelInvitation.userErrors).toEqual([]);

    const before = await userCount();
    for (const t of [mine.invitationToken, staffInvite.invitationToken]) {
      expect((await stack.client().data(ACCEPT, { t, p: PASSWORD, n: 'Too Late' })).acceptInvitation).toEqual({
        user: null,
        userErrors: [{ code: 'INVITATION_CANCELLED' }],
      });
    }
    expect(await userCount()).toBe(before);
    expect((await platinum.data(INVITATIONS, { s: 'OPEN' })).invitations.nodes.map((i: { email: string }) => i.email)).not.toContain(
      'pending@demo.dealer',
    );
    expect((await platinum.data(INVITATIONS, { s: 'CANCELLED' })).invitations.nodes.map((i: { email: string }) => i.email)).toContain(
      'pending@demo.dealer',
    );
    // A used invitation cannot be withdrawn (disable the user instead).
    const used = (await platinum.data(INVITATIONS, { s: 'ACCEPTED' })).invitations.nodes[0];
    expect((await platinum.data(CANCEL, { id: used.id })).cancelInvitation.userErrors).toEqual([{ code: 'INVITATION_USED' }]);

    const events = await sql(
      "select actor_id, dealer_id, email, detail from dealers.security_event where kind = 'INVITATION_CANCELLED' order by at",
    );
    expect(events).toEqual([
      {
        actor_id: await idOf('platinum@demo.dealer'),
        dealer_id: (await platinum.data('{ me { dealer { id } } }')).me.dealer.id,
        email: 'pending@demo.dealer',
        detail: { invitationId: mine.invitation.id, role: 'VIEW_ONLY' },
      },
      {
        actor_id: await idOf('admin@demo.staff'),
        dealer_id: null,
        email: 'pending.rep@demo.staff',
        detail: { invitationId: staffInvite.invitation.id, role: 'SALES_REP' },
      },
    ]);
    expect(
      (await platinum.data('{ securityEvents(first: 10, filter: { kinds: [INVITATION_CANCELLED] }) { totalCount } }')).securityEvents
        .totalCount,
    ).toBe(1);
  });

  it('lets a cancel and an acceptance of one invitation race: exactly one wins', async () => {
    const { inviteUser } = await platinum.data(INVITE, { input: { email: 'racer.cancel@demo.dealer', role: 'VIEW_ONLY' } });
    const before = await userCount();
    const [cancel, accept] = await Promise.all([
      platinum.data(CANCEL, { id: inviteUser.invitation.id }),
      stack.client().data(ACCEPT, { t: inviteUser.invitationToken, p: PASSWORD, n: 'Racer' }),
    ]);
    const cancelCode = cancel.cancelInvitation.userErrors[0]?.code ?? 'OK';
    const acceptCode = accept.acceptInvitation.userErrors[0]?.code ?? 'OK';
    expect([cancelCode, acceptCode].sort()).toEqual(cancelCode === 'OK' ? ['INVITATION_CANCELLED', 'OK'] : ['INVITATION_USED', 'OK']);
    const row = (await sql('select accepted_at, cancelled_at from dealers.invitation where id = ?', [inviteUser.invitation.id]))[0];
    expect([row.accepted_at === null, row.cancelled_at === null].sort()).toEqual([false, true]);
    expect(await userCount()).toBe(before + (acceptCode === 'OK' ? 1 : 0));
  });
});
