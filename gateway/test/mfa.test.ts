import { scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOGIN =
  'mutation($e: String!, $otp: String) { login(email: $e, password: "demo-pass-2026", otp: $otp) { accessToken userErrors { code } } }';
const BEGIN = 'mutation { beginMfaEnrolment { secret otpauthUri qrCodeSvg userErrors { code } } }';
const CONFIRM = 'mutation($c: String!) { confirmMfaEnrolment(code: $c) { recoveryCodes userErrors { code } } }';

describe('two-factor enrolment, through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('enrols with a URI and QR code, confirms with a code, then asks for codes; recovery codes work once', async () => {
    const email = 'admin@d0020.dealer';
    const user = await stack.loginAs(email);
    const wrongFirst = await user.data(CONFIRM, { c: '123456' });
    expect(wrongFirst.confirmMfaEnrolment.userErrors).toEqual([{ code: 'NOT_STARTED' }]);

    const begun = (await user.data(BEGIN)).beginMfaEnrolment;
    expect(begun.userErrors).toEqual([]);
    expect(begun.otpauthUri).toMatch(new RegExp(`^otpauth://totp/dealergraph:${encodeURIComponent(email)}\\?.*secret=${begun.secret}`));
    expect(begun.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Not on until confirmed: signing in still needs no code.
    expect((await stack.client().data(LOGIN, { e: email })).login.userErrors).toEqual([]);

    const totp = new TOTP({ secret: Secret.fromBase32(begun.secret) });
    expect((await user.data(CONFIRM, { c: '000000' })).confirmMfaEnrolment.userErrors).toEqual([{ code: 'INVALID_CODE' }]);
    const confirmingCode = totp.generate();
    const confirmed = (await user.data(CONFIRM, { c: confirmingCode })).confirmMfaEnrolment;
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect((await user.data(BEGIN)).beginMfaEnrolment.userErrors).toEqual([{ code: 'ALREADY_ENROLLED' }]);

    expect((await stack.client().data(LOGIN, { e: email })).login.userErrors).toEqual([{ code: 'MFA_REQUIRED' }]);
    // The confirming code is spent; the next step's code signs in.
    expect((await stack.client().data(LOGIN, { e: email, otp: confirmingCode })).login.userErrors).toEqual([
      { code: 'INVALID_CREDENTIALS' },
    ]);
    expect(
      (await stack.client().data(LOGIN, { e: email, otp: totp.generate({ timestamp: Date.now() + 30_000 }) })).login.accessToken,
    ).toMatch(/^ey/);

    const [recovery] = confirmed.recoveryCodes;
    expect((await stack.client().data(LOGIN, { e: email, otp: recovery })).login.accessToken).toMatch(/^ey/);
    expect((await stack.client().data(LOGIN, { e: email, otp: recovery })).login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const stored = await stack.orms.dealers.em
      .getConnection()
      .execute('select mfa_recovery_code_hashes from dealers.user_account where email = ?', [email]);
    expect(stored[0].mfa_recovery_code_hashes).toHaveLength(9);
    expect(JSON.stringify(stored)).not.toContain(confirmed.recoveryCodes[1]);
  });
});
