import { startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOGIN = 'mutation($otp: String) { login(email: "viewer@demo.dealer", password: "demo-pass-2026", otp: $otp) { accessToken userErrors { code } } }';

describe('sign-in with a second factor', () => {
  let stack: TestStack;
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
});
