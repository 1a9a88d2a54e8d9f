import { scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * An attacker's tries at sign-in, through the real gateway. Client addresses are set with
 * X-Forwarded-For, which the gateway believes from its trusted proxy (loopback, where the tests run).
 */
const LOGIN =
  'mutation($e: String!, $p: String!, $otp: String) { login(email: $e, password: $p, otp: $otp) { accessToken refreshToken userErrors { code message } } }';
const PASSWORD = 'demo-pass-2026';

describe('sign-in abuse, tried through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const attempt = (email: string, password: string, ip: string, otp?: string) =>
    stack.client().request(LOGIN, { e: email, p: password, otp }, from(ip));
  const code = (r: Awaited<ReturnType<typeof attempt>>) =>
    r.data?.login?.userErrors[0]?.code ?? (r.data?.login?.accessToken ? 'OK' : r.errors?.[0]?.extensions?.code);
  const throttleFailures = async () =>
    Number(
      (await stack.orms.dealers.em.getConnection().execute('select coalesce(sum(failures), 0) as n from dealers.sign_in_throttle'))[0].n,
    );

  beforeAll(async () => {
    // A long upstream timeout: the burst below queues 21 argon2 checks on a busy two-core machine.
    stack = await startTestStack({ gatewaySecurity: { signInBurst: 100, signInPerMinute: 60, upstreamTimeoutMs: 120_000 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses aliased and fragment-repeated sign-in fields in one operation, and counts no guess', async () => {
    const before = await throttleFailures();
    const aliased = await stack
      .client()
      .request(
        `mutation { a: login(email: "admin@d0010.dealer", password: "guess-1") { accessToken } b: login(email: "admin@d0010.dealer", password: "guess-2") { accessToken } }`,
        undefined,
        from('192.0.2.10'),
      );
    expect(aliased.data ?? null).toBeNull();
    expect(aliased.errors?.[0].extensions?.code).toBe('ONE_CREDENTIAL_FIELD_PER_REQUEST');
    const viaFragments = await stack
      .client()
      .request(
        `mutation { ...A ...B } fragment A on Mutation { a: login(email: "x@y.z", password: "1") { accessToken } } fragment B on Mutation { refreshSession(refreshToken: "t") { accessToken } }`,
        undefined,
        from('192.0.2.10'),
      );
    expect(viaFragments.errors?.[0].extensions?.code).toBe('ONE_CREDENTIAL_FIELD_PER_REQUEST');
    expect(await throttleFailures()).toBe(before);
  });

  it('refuses a batched array of sign-in operations', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('192.0.2.11') },
      body: JSON.stringify([1, 2].map((i) => ({ query: LOGIN, variables: { e: 'admin@d0010.dealer', p: `guess-${i}` } }))),
    });
    const body = (await response.json()) as { data?: unknown } | unknown[];
    expect(Array.isArray(body)).toBe(false);
    expect((body as { data?: unknown }).data ?? null).toBeNull();
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('lets a burst of 20 wrong guesses and the right password run at most five password checks', async () => {
    const email = 'admin@d0011.dealer';
    const burst = [...Array.from({ length: 20 }, (_, i) => `wrong-${i}`), PASSWORD].map((p) => attempt(email, p, '192.0.2.12'));
    const codes = (await Promise.all(burst)).map(code);
    // Beyond the five slots an attempt is not checked: blocked, or asked to retry (SIGN_IN_BUSY).
    const checked = codes.filter((c) => c !== 'ACCOUNT_LOCKED' && c !== 'SIGN_IN_BUSY');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED' || c === 'SIGN_IN_BUSY').length).toBeGreaterThanOrEqual(16);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5);
    // After the burst (five wrong guesses checked), the address stays blocked whatever the password.
    if (!codes.includes('OK')) expect(code(await attempt(email, PASSWORD, '192.0.2.12'))).toBe('ACCOUNT_LOCKED');
  });

  it("does not let a stranger lock the real user out: the stranger's address is blocked, the user's is not", async () => {
    const email = 'admin@d0012.dealer';
    const stranger = [];
    for (let i = 0; i < 7; i++) stranger.push(code(await attempt(email, `guess-${i}`, '203.0.113.66')));
    expect(stranger).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    const user = await attempt(email, PASSWORD, '198.51.100.7');
    expect(user.data.login.userErrors).toEqual([]);
    expect(user.data.login.accessToken).toMatch(/^ey/);
    // The user's success does not lift the stranger's block on the stranger's own address.
    expect(code(await attempt(email, PASSWORD + 'x', '203.0.113.66'))).toBe('ACCOUNT_LOCKED');
  });

  it('lets the real user in past an account-wide block from an address they used before', async () => {
    const email = 'admin@d0013.dealer';
    expect(code(await attempt(email, PASSWORD, '198.51.100.13'))).toBe('OK');
    await stack.orms.dealers.em
      .getConnection()
      .execute(
        "update dealers.sign_in_throttle set blocked_until = now() + interval '1 hour' where key = encode(sha256(convert_to('account:' || ?, 'UTF8')), 'hex')",
        [email],
      );
    expect(code(await attempt(email, PASSWORD, '198.51.100.99'))).toBe('ACCOUNT_LOCKED');
    expect(code(await attempt(email, PASSWORD, '198.51.100.13'))).toBe('OK');
  });

  it('answers an unknown account exactly as a real one, lock included', async () => {
    const sequence = async (email: string, ip: string) => {
      const answers = [];
      for (let i = 0; i < 7; i++) answers.push((await attempt(email, `guess-${i}`, ip)).data.login.userErrors);
      return answers;
    };
    const real = await sequence('admin@d0014.dealer', '192.0.2.14');
    const unknown = await sequence('nobody-here@d0014.dealer', '192.0.2.15');
    expect(real.map((e) => e[0].code)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    // Same codes and the same words (the wait is stated in whole units, equal for both).
    expect(unknown).toEqual(real);
  });

  describe('with two-factor sign-in', () => {
    const secret = new Secret({ size: 20 });
    const email = 'orders@demo.dealer';
    beforeAll(async () => {
      await stack.orms.dealers.em
        .getConnection()
        .execute('update dealers.user_account set mfa_secret = ? where email = ?', [secret.base32, email]);
    });

    it('refuses a one-time code used once already, within its window', async () => {
      const otp = new TOTP({ secret }).generate();
      expect(code(await attempt(email, PASSWORD, '192.0.2.20', otp))).toBe('OK');
      const again = await attempt(email, PASSWORD, '192.0.2.20', otp);
      expect(code(again)).toBe('INVALID_CREDENTIALS');
      expect(again.data.login.userErrors[0].message).toMatch(/already used/);
    });

    it('lets the right password and a fresh code in past a block on the address', async () => {
      for (let i = 0; i < 5; i++) await attempt(email, `guess-${i}`, '192.0.2.21');
      expect(code(await attempt(email, PASSWORD, '192.0.2.21'))).toBe('ACCOUNT_LOCKED');
      // The code of the next step (allowed for clock drift): the current one was used by the test above.
      const next = new TOTP({ secret }).generate({ timestamp: Date.now() + 30_000 });
      expect(code(await attempt(email, PASSWORD, '192.0.2.21', next))).toBe('OK');
    });
  });
});

describe('sign-in attempts per client address', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { signInBurst: 5, signInPerMinute: 1 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('are limited at the door, with the wait in the answer, for that address only', async () => {
    const attempt = (i: number, ip: string) =>
      stack.client().request(LOGIN, { e: `rate-${i}@nowhere.test`, p: 'x' }, { 'x-forwarded-for': ip });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await attempt(i, '192.0.2.99'));
    expect(answers.slice(0, 5).map((a) => a.data.login.userErrors[0].code)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    for (const limited of answers.slice(5)) {
      expect(limited.data ?? null).toBeNull();
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect((await attempt(8, '192.0.2.98')).data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('are counted per address behind the trusted proxy only: a forwarded header from elsewhere is ignored', async () => {
    // The socket peer (loopback) is the trusted proxy; the address it forwards is the client. A
    // chain "spoofed, real" from the proxy reads as the real one, the nearest untrusted hop.
    const attempt = (xff: string) => stack.client().request(LOGIN, { e: 'chain@nowhere.test', p: 'x' }, { 'x-forwarded-for': xff });
    for (let i = 0; i < 5; i++)
      expect((await attempt(`10.9.9.${i}, 192.0.2.77`)).data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('10.9.9.200, 192.0.2.77')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
