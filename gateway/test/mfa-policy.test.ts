import { newEnvelope, signRequest } from '@dealergraph/runtime';
import { scanSecurityEventsAfterEach, socketCloseCode, startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two-factor sign-in required by role (all staff, STAFF_MFA_REQUIRED) or by a dealer's policy, tried
 * through the real gateway: a user who must have MFA and has none gets a restricted session that
 * may only enrol.
 */
const LOGIN =
  'mutation($e: String!, $otp: String) { login(email: $e, password: "demo-pass-2026", otp: $otp) { accessToken refreshToken userErrors { code } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken userErrors { code } } }';
const BEGIN = 'mutation { beginMfaEnrolment { secret userErrors { code } } }';
const CONFIRM = 'mutation($c: String!) { confirmMfaEnrolment(code: $c) { recoveryCodes accessToken refreshToken userErrors { code } } }';
const UPDATE =
  'mutation($input: UpdateDealerSecurityPolicyInput!) { updateDealerSecurityPolicy(input: $input) { policy { mfaRequired } userErrors { code } } }';

describe('MFA required by role or by dealer policy, through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  const login = async (email: string, otp?: string) => (await stack.client().data(LOGIN, { e: email, otp })).login;
  const as = (token: string) => {
    const client = stack.client();
    client.accessToken = token;
    return client;
  };
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    stack = await startTestStack({ mfaPolicy: { staffMfaRequired: true }, gatewaySecurity: { sessionCheckTtlMs: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('gives staff without MFA a restricted session that may only enrol; confirming makes it a full one', async () => {
    const first = await login('rep@demo.staff');
    expect(first.userErrors).toEqual([{ code: 'MFA_ENROLMENT_REQUIRED' }]);
    expect(first.accessToken).toMatch(/^ey/);
    expect(first.refreshToken).toBeNull();
    const restricted = as(first.accessToken);

    // Everything but enrolment is refused, at the gateway, with the one code; nothing runs.
    for (const query of [
      '{ me { email } }',
      '{ approvalQueue(first: 5) { totalCount } }',
      '{ mySessions { id } }',
      'mutation { revokeAllSessions { revokedCount } }',
    ]) {
      const result = await restricted.request(query);
      expect(result.data ?? null, query).toBeNull();
      expect(code(result), query).toBe('MFA_ENROLMENT_REQUIRED');
    }
    const mixed = await restricted.request('mutation { beginMfaEnrolment { secret } revokeAllSessions { revokedCount } }');
    expect(code(mixed)).toBe('MFA_ENROLMENT_REQUIRED');
    expect(
      (
        await stack.orms.dealers.em
          .getConnection()
          .execute(
            "select count(*)::int as n from dealers.session s join dealers.user_account u on u.id = s.user_id where u.email = 'rep@demo.staff' and s.revoked_at is not null",
          )
      )[0].n,
    ).toBe(0);

    // Nor may it open a socket.
    expect(await socketCloseCode(stack.gatewayUrl, first.accessToken)).toBe(4403);

    // Enrolment works, and confirming returns full tokens for the same session.
    const begun = (await restricted.data(BEGIN)).beginMfaEnrolment;
    expect(begun.userErrors).toEqual([]);
    const totp = new TOTP({ secret: Secret.fromBase32(begun.secret) });
    const confirmed = (await restricted.data(CONFIRM, { c: totp.generate() })).confirmMfaEnrolment;
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    const full = as(confirmed.accessToken);
    full.refreshToken = confirmed.refreshToken;
    expect((await full.data('{ me { email } }')).me.email).toBe('rep@demo.staff');
    expect((await full.data('{ mySessions { current } }')).mySessions).toEqual([{ current: true }]);
    expect((await full.data(REFRESH, { t: full.refreshToken })).refreshSession.userErrors).toEqual([]);
    // The old restricted token stays restricted.
    expect(code(await restricted.request('{ me { email } }'))).toBe('MFA_ENROLMENT_REQUIRED');
    // From now on: password and code.
    expect((await login('rep@demo.staff')).userErrors).toEqual([{ code: 'MFA_REQUIRED' }]);
    expect((await login('rep@demo.staff', totp.generate({ timestamp: Date.now() + 30_000 }))).userErrors).toEqual([]);
  });

  it('refuses a restricted claim at the subgraph too, should one get past the gateway', async () => {
    const first = await login('manager@demo.staff');
    const sub = JSON.parse(Buffer.from(first.accessToken.split('.')[1], 'base64url').toString());
    const query = '{ me { email } }';
    const response = await fetch(stack.subgraphs.dealers.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        extensions: signRequest(
          { query, variables: undefined, jwt: { payload: sub } },
          stack.hmacSecret,
          newEnvelope({ ip: '127.0.0.1', userAgent: 'test' }),
        ),
      }),
    });
    const body = (await response.json()) as { data?: { me: unknown }; errors?: { extensions?: { code?: string } }[] };
    expect(body.data?.me ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('MFA_ENROLMENT_REQUIRED');
  });

  it("requires MFA of a dealer's users once its DEALER_ADMIN turns the policy on; only its admins may", async () => {
    const orders = await stack.loginAs('orders@demo.dealer');
    const viewer = await stack.loginAs('viewer@demo.dealer');
    const dealerId = (await orders.data('{ me { dealer { id } } }')).me.dealer.id;
    expect((await orders.data(UPDATE, { input: { dealerId, mfaRequired: true } })).updateDealerSecurityPolicy.userErrors).toEqual([
      { code: 'FORBIDDEN' },
    ]);
    expect((await login('orders@demo.dealer')).userErrors).toEqual([]);

    const admin = await stack.loginAs('platinum@demo.dealer');
    expect((await admin.data(UPDATE, { input: { dealerId, mfaRequired: true } })).updateDealerSecurityPolicy).toEqual({
      policy: { mfaRequired: true },
      userErrors: [],
    });

    const next = await login('orders@demo.dealer');
    expect(next.userErrors).toEqual([{ code: 'MFA_ENROLMENT_REQUIRED' }]);
    expect(next.refreshToken).toBeNull();
    expect(code(await as(next.accessToken).request('{ cart { total { amount } } }'))).toBe('MFA_ENROLMENT_REQUIRED');
    // A session from before the change cannot be refreshed into a full one without MFA.
    expect((await viewer.data(REFRESH, { t: viewer.refreshToken })).refreshSession.userErrors).toEqual([
      { code: 'MFA_ENROLMENT_REQUIRED' },
    ]);
    // Another dealer's users are not affected.
    expect((await login('bronze@demo.dealer')).userErrors).toEqual([]);
  });
});
