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
    // The bursts below sign in again after every round: more sign-ins than the default burst allows.
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, signInBurst: 500 } });
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

    // Then bursts: in each round two or three admins of the dealer each demote or disable the next one
    // at the same moment (a cycle, so every admin is the target of exactly one change). Changes to one
    // dealer's users run one at a time (an advisory lock), each authorized from its actor's current row:
    // every change that answers OK took one admin away, the others were refused, and one admin is left.
    const bronzeDealer = (await bronze.data('{ me { dealer { id } } }')).me.dealer.id;
    const admins = [{ email: 'bronze@demo.dealer', password: 'demo-pass-2026', id: bronzeAdmin }];
    for (const email of ['second@demo.dealer', 'third@demo.dealer']) {
      const token = (await admin.data(INVITE, { input: { email, role: 'DEALER_ADMIN', dealerId: bronzeDealer } })).inviteUser
        .invitationToken;
      const { user } = (await stack.client().data(ACCEPT, { t: token, p: PASSWORD, n: 'Another Admin' })).acceptInvitation;
      admins.push({ email, password: PASSWORD, id: user.id });
    }
    // A refusal is one of these; anything else (a deadlock's INTERNAL_SERVER_ERROR, an error without a
    // code, no data) is a failure of the round, never read as success. Outcomes are counted, not sorted
    // and read by position: UNAUTHENTICATED (the loser's session ended before its request reached the
    // gateway) sorts after OK, which once made a refused loser look like a second OK.
    const REFUSALS = ['LAST_ADMIN', 'FORBIDDEN', 'UNAUTHENTICATED'];
    const outcomeOf = (r: {
      data?: Record<string, { userErrors?: { code: string }[] } | null>;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    }) => {
      const payload = r.data?.setUserRole ?? r.data?.disableUser;
      if (payload?.userErrors?.length) return payload.userErrors[0].code;
      if (r.errors?.length) return String(r.errors[0].extensions?.code ?? `ERROR ${r.errors[0].message}`);
      return payload ? 'OK' : 'NO DATA';
    };
    const wrong: string[] = [];
    for (let round = 0; round < 20; round++) {
      const size = round % 2 === 0 ? 2 : 3;
      const group = admins.slice(0, size);
      await sql("update dealers.user_account set role = 'DEALER_ADMIN', active = (id in (?)) where id in (?)", [
        group.map((a) => a.id),
        admins.map((a) => a.id),
      ]);
      const clients = await Promise.all(
        group.map(async (a) => {
          const client = stack.client();
          await client.login(a.email, a.password);
          return client;
        }),
      );
      // Actor i changes admin i+1; the kinds mix by round, so demote meets disable too.
      const changes = group.map((_, i) => ({ target: group[(i + 1) % size].id, disable: (round + i) % 3 === 0 }));
      const outcomes = (
        await Promise.all(
          changes.map((c, i) =>
            clients[i].request(c.disable ? DISABLE : SET_ROLE, c.disable ? { u: c.target } : { u: c.target, r: 'VIEW_ONLY' }),
          ),
        )
      ).map(outcomeOf);
      const rows = (await sql("select id, role = 'DEALER_ADMIN' and active as admin from dealers.user_account where id in (?)", [
        group.map((a) => a.id),
      ])) as { id: string; admin: boolean }[];
      const stillAdmin = new Map(rows.map((r) => [r.id, r.admin]));
      const oks = outcomes.filter((o) => o === 'OK').length;
      const problems = [
        outcomes.some((o) => o !== 'OK' && !REFUSALS.includes(o)) && 'an outcome that is neither OK nor a refusal',
        oks === 0 && 'no change went through',
        size === 2 && oks !== 1 && 'two admins: exactly one change must go through',
        rows.filter((r) => r.admin).length !== size - oks && 'active admins left != admins - changes made',
        changes.some((c, i) => stillAdmin.get(c.target) === (outcomes[i] === 'OK')) &&
          'a target changed without an OK, or an OK without a change',
      ].filter(Boolean);
      if (problems.length)
        wrong.push(
          `round ${round} (${changes.map((c) => (c.disable ? 'disable' : 'demote')).join(', ')}): ${outcomes.join(', ')}: ${problems.join('; ')}`,
        );
    }
    expect(wrong).toEqual([]);
    const left = await sql("select count(*) from dealers.user_account where dealer_id = ? and role = 'DEALER_ADMIN' and active", [
      bronzeDealer,
    ]);
    expect(Number(left[0].count)).toBeGreaterThanOrEqual(1);
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
