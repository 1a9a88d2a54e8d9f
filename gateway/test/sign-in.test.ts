import { scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOGIN =
  'mutation($otp: String) { login(email: "viewer@demo.dealer", password: "demo-pass-2026", otp: $otp) { accessToken userErrors { code } } }';

describe('sign-in rules', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  const secret = new Secret({ size: 20 });
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.orms.dealers.em
      .getConnection()
      .execute('update dealers.user_account set mfa_secret = ? where email = ?', [secret.base32, 'viewer@demo.dealer']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('asks for the code, refuses a wrong one and accepts the current one', async () => {
    const client = stack.client();
    expect((await client.data(LOGIN)).login).toEqual({ accessToken: null, userErrors: [{ code: 'MFA_REQUIRED' }] });
    expect((await client.data(LOGIN, { otp: '000000' })).login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const otp = new TOTP({ secret }).generate();
    const ok = (await client.data(LOGIN, { otp })).login;
    expect(ok.userErrors).toEqual([]);
    expect(ok.accessToken).toMatch(/^ey/);
  });

  it("refuses sign-in and refresh once the user's dealer is deactivated, and ends the session", async () => {
    const client = await stack.loginAs('bronze@demo.dealer');
    const execute = (sql: string) => stack.orms.dealers.em.getConnection().execute(sql);
    await execute("update dealers.dealer set active = false where name = 'Demo Bronze Dealer'");
    try {
      const again = await stack
        .client()
        .data('mutation { login(email: "bronze@demo.dealer", password: "demo-pass-2026") { accessToken userErrors { code } } }');
      expect(again.login).toEqual({ accessToken: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
      const refresh = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken userErrors { code } } }';
      expect((await client.data(refresh, { t: client.refreshToken })).refreshSession.userErrors).toEqual([
        { code: 'INVALID_REFRESH_TOKEN' },
      ]);
      await execute("update dealers.dealer set active = true where name = 'Demo Bronze Dealer'");
      // The session was closed, not merely refused: reactivating the dealer does not revive it.
      expect((await client.data(refresh, { t: client.refreshToken })).refreshSession.userErrors).toEqual([{ code: 'SESSION_EXPIRED' }]);
    } finally {
      await execute("update dealers.dealer set active = true where name = 'Demo Bronze Dealer'");
    }
  });

  it('blocks an account (from this address) after five wrong passwords, counting parallel guesses too', async () => {
    const attempt = (password: string) =>
      stack
        .client()
        .data('mutation($p: String!) { login(email: "admin@d0003.dealer", password: $p) { accessToken userErrors { code message } } }', {
          p: password,
        });
    const guesses = await Promise.all(Array.from({ length: 5 }, (_, i) => attempt(`guess-${i}`)));
    expect(guesses.map((g) => g.login.userErrors[0].code)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    const locked = (await attempt('demo-pass-2026')).login;
    expect(locked.accessToken).toBeNull();
    expect(locked.userErrors[0].code).toBe('ACCOUNT_LOCKED');
    expect(locked.userErrors[0].message).toMatch(/wait 1 minute/);
  });

  it('forgives earlier failures once the right password is given', async () => {
    const attempt = (password: string) =>
      stack
        .client()
        .data('mutation($p: String!) { login(email: "admin@d0004.dealer", password: $p) { accessToken userErrors { code } } }', {
          p: password,
        });
    for (let i = 0; i < 4; i++) await attempt('wrong');
    expect((await attempt('demo-pass-2026')).login.userErrors).toEqual([]);
    for (let i = 0; i < 4; i++) await attempt('wrong');
    expect((await attempt('demo-pass-2026')).login.userErrors).toEqual([]);
  });
});
