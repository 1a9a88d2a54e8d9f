import { scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The security audit log: what is written, who may read it, and that it holds no secret. */
const LOGIN =
  'mutation($e: String!, $p: String!, $otp: String) { login(email: $e, password: $p, otp: $otp) { accessToken refreshToken userErrors { code } } }';
const EVENTS = `query($f: SecurityEventFilter, $first: Int, $after: String) { securityEvents(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kind email userId dealerId ipAddress userAgent detail at } } }`;
const PASSWORD = 'demo-pass-2026';
const WRONG = 'not-the-password-3141';

interface Event {
  kind: string;
  email: string | null;
  dealerId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  detail: string;
}

describe('security audit log, through the gateway', () => {
  let stack: TestStack;
  // The stack's clients record every secret they send or receive; the rest is remembered here.
  const remember = (...values: (string | null | undefined)[]) => stack.secrets.remember(...values);
  const attempt = (email: string, password: string, ip: string, otp?: string) =>
    stack.client().request(LOGIN, { e: email, p: password, otp }, { 'x-forwarded-for': ip, 'user-agent': 'AuditTest/1.0' });

  // After each test: every text column of every row of the table, against every secret of the run.
  scanSecurityEventsAfterEach(() => stack);

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('records sign-ins, failures, lockouts, MFA changes, recovery codes and revokes, each with who, dealer, address and agent', async () => {
    // Failures and a lockout from one address, then the right password from another.
    for (let i = 0; i < 6; i++) await attempt('viewer@demo.dealer', WRONG, '198.51.100.61');
    const ok = await attempt('viewer@demo.dealer', PASSWORD, '198.51.100.62');
    expect(ok.data.login.userErrors).toEqual([]);
    await attempt('nobody@nowhere.test', WRONG, '198.51.100.63');

    // MFA enrolment, confirmation, a recovery code; then sign out everywhere.
    const user = stack.client();
    user.accessToken = ok.data.login.accessToken;
    const secret = (await user.data('mutation { beginMfaEnrolment { secret } }')).beginMfaEnrolment.secret;
    const confirming = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    const confirmed = (
      await user.data('mutation($c: String!) { confirmMfaEnrolment(code: $c) { recoveryCodes accessToken refreshToken } }', {
        c: confirming,
      })
    ).confirmMfaEnrolment;
    const codes: string[] = confirmed.recoveryCodes;
    expect((await attempt('viewer@demo.dealer', PASSWORD, '198.51.100.62', codes[0])).data.login.userErrors).toEqual([]);
    expect((await user.data('mutation { revokeAllSessions { revokedCount } }')).revokeAllSessions.revokedCount).toBe(2);

    const admin = await stack.loginAs('platinum@demo.dealer');
    const dealerId = (await admin.data('{ me { dealer { id } } }')).me.dealer.id;
    const events: Event[] = (await admin.data(EVENTS, { f: { kinds: null }, first: 100 })).securityEvents.nodes;
    const of = (kind: string) => events.filter((e) => e.kind === kind && e.email === 'viewer@demo.dealer');
    const failed = of('SIGN_IN_FAILED');
    expect(failed).toHaveLength(5);
    expect(
      failed.every(
        (e) =>
          e.ipAddress === '198.51.100.61' &&
          e.userAgent === 'AuditTest/1.0' &&
          e.dealerId === dealerId &&
          JSON.parse(e.detail).reason === 'WRONG_PASSWORD',
      ),
    ).toBe(true);
    expect(of('SIGN_IN_LOCKED').map((e) => [e.ipAddress, JSON.parse(e.detail).reason])).toEqual([['198.51.100.61', 'ADDRESS_BLOCKED']]);
    expect(of('SIGN_IN_SUCCEEDED').map((e) => e.ipAddress)).toEqual(['198.51.100.62', '198.51.100.62']);
    expect(of('MFA_ENROLMENT_STARTED')).toHaveLength(1);
    expect(of('MFA_ENABLED')).toHaveLength(1);
    expect(of('RECOVERY_CODE_USED').map((e) => JSON.parse(e.detail).remaining)).toEqual([9]);
    expect(of('SESSION_REVOKED').map((e) => JSON.parse(e.detail))).toEqual([
      { reason: 'SIGN_OUT_EVERYWHERE', count: 2, keepCurrent: false },
    ]);
    // Newest first.
    expect(events.map((e) => e.kind).indexOf('SESSION_REVOKED')).toBeLessThan(events.map((e) => e.kind).indexOf('MFA_ENABLED'));

    // A policy change is logged with the settings before and after.
    await admin.data('mutation($i: UpdateDealerSecurityPolicyInput!) { updateDealerSecurityPolicy(input: $i) { userErrors { code } } }', {
      i: { dealerId, ipAllowList: ['0.0.0.0/0', '::/0'] },
    });
    const [change] = (await admin.data(EVENTS, { f: { kinds: ['DEALER_POLICY_CHANGED'] } })).securityEvents.nodes;
    expect(change.email).toBe('platinum@demo.dealer');
    expect(JSON.parse(change.detail)).toEqual({
      before: { mfaRequired: false, ipAllowList: [] },
      after: { mfaRequired: false, ipAllowList: ['0.0.0.0/0', '::/0'] },
    });

    // The table was written to (the scan after this test reads it whole), and the run's secrets include these.
    expect(await stack.orms.dealers.em.getConnection().execute('select count(*)::int as n from dealers.security_event')).not.toEqual([
      { n: 0 },
    ]);
    for (const secretText of [
      PASSWORD,
      WRONG,
      secret,
      confirming,
      codes[0],
      ok.data.login.accessToken,
      ok.data.login.refreshToken.split('.')[1],
    ])
      expect(stack.secrets.values).toContain(secretText);
    // API clients: the secret of a new client, of a rotated one, and a refused secret never reach the table either.
    const adminUser = await stack.loginAs('admin@demo.staff');
    const created = (
      await adminUser.data(
        'mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { client { id } clientSecret userErrors { code } } }',
        { i: { name: 'Audit probe', scopes: ['CATALOG_READ'] } },
      )
    ).createApiClient;
    const rotated = (
      await adminUser.data('mutation($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }', { id: created.client.id })
    ).rotateApiClientSecret.clientSecret;
    const tokenUrl = stack.gatewayUrl.replace('/graphql', '/oauth/token');
    for (const clientSecret of [rotated, `${created.clientSecret}-wrong`, 'cs_refused_guess_0123456789']) {
      remember(clientSecret);
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: created.client.id,
          client_secret: clientSecret,
        }).toString(),
      });
      const answer = (await response.json()) as { access_token?: string };
      remember(answer.access_token);
    }

    // The unknown account's attempt is logged without the "email" (it may be a mistyped password).
    const table = JSON.stringify(await stack.orms.dealers.em.getConnection().execute('select * from dealers.security_event'));
    expect(table).not.toContain('nobody@nowhere.test');
  });

  it("shows a DEALER_ADMIN its own dealer's events only, an ADMIN all, and refuses everyone else", async () => {
    await attempt('bronze@demo.dealer', WRONG, '198.51.100.71');
    await attempt('finance@demo.staff', WRONG, '198.51.100.72');
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const platinumDealer = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const bronzeDealer = (await bronze.data('{ me { dealer { id } } }')).me.dealer.id;

    const bronzeSees: Event[] = (await bronze.data(EVENTS, { first: 100 })).securityEvents.nodes;
    expect(bronzeSees.length).toBeGreaterThan(0);
    expect(bronzeSees.every((e) => e.dealerId === bronzeDealer)).toBe(true);
    expect(bronzeSees.some((e) => e.kind === 'SIGN_IN_FAILED' && e.ipAddress === '198.51.100.71')).toBe(true);
    // Asking for another dealer's events does not widen the view.
    expect((await bronze.data(EVENTS, { f: { dealerId: platinumDealer } })).securityEvents.totalCount).toBe(0);

    const admin = await stack.loginAs('admin@demo.staff');
    const all = (await admin.data(EVENTS, { first: 100 })).securityEvents;
    expect(new Set(all.nodes.map((e: Event) => e.dealerId))).toEqual(new Set([platinumDealer, bronzeDealer, null]));
    expect(all.nodes.some((e: Event) => e.email === 'finance@demo.staff' && e.kind === 'SIGN_IN_FAILED')).toBe(true);
    expect(
      (await admin.data(EVENTS, { f: { dealerId: bronzeDealer }, first: 100 })).securityEvents.nodes.every(
        (e: Event) => e.dealerId === bronzeDealer,
      ),
    ).toBe(true);
    // Pages follow one another.
    const page1 = (await admin.data(EVENTS, { first: 2 })).securityEvents;
    const page2 = (await admin.data(EVENTS, { first: 2, after: page1.pageInfo.endCursor })).securityEvents;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.nodes[0]).toEqual(all.nodes[2]);

    for (const email of ['orders@demo.dealer', 'gm@demo.staff', 'rep@demo.staff']) {
      const result = await (await stack.loginAs(email)).request(EVENTS);
      expect(result.data?.securityEvents ?? null, email).toBeNull();
      expect(result.errors?.[0].extensions?.code, email).toBe('FORBIDDEN');
    }
  });
});
