import { startTestStack, type TestStack } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two additions the web app needed, through the gateway: the approval inbox filtered (dealer,
 * number, level, region) and sorted, and two-factor sign-in turned off by its owner (myMfa, disableMfa).
 */
const QUEUE = `query($dealerId: ID, $number: String, $level: Int, $region: String, $sort: ApprovalQueueSort) {
  approvalQueue(first: 100, dealerId: $dealerId, number: $number, level: $level, region: $region, sort: $sort) {
    totalCount nodes { id number placedAt total { amount } dealer { id region } currentApprovalStep { level } } } }`;

interface Waiting {
  id: string;
  number: string;
  placedAt: string;
  total: { amount: string };
  dealer: { id: string; region: string };
  currentApprovalStep: { level: number } | null;
}

describe('the approval inbox, filtered and sorted', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('filters by dealer, number, level and region, and sorts oldest, newest or largest first', async () => {
    const gm = await stack.loginAs('gm@demo.staff');
    const queue = async (variables: Record<string, unknown> = {}) =>
      (await gm.data<{ approvalQueue: { totalCount: number; nodes: Waiting[] } }>(QUEUE, variables)).approvalQueue;
    const all = await queue();
    expect(all.nodes.length).toBeGreaterThan(3);
    const times = all.nodes.map((o) => Date.parse(o.placedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const newest = await queue({ sort: 'NEWEST_FIRST' });
    expect(newest.nodes.map((o) => o.id)).toEqual(all.nodes.map((o) => o.id).reverse());
    const largest = (await queue({ sort: 'LARGEST_FIRST' })).nodes.map((o) => Number(o.total.amount));
    expect(largest).toEqual([...largest].sort((a, b) => b - a));

    const one = all.nodes[Math.floor(all.nodes.length / 2)];
    const byNumber = await queue({ number: one.number.slice(-6) });
    expect(byNumber.nodes.map((o) => o.number)).toEqual([one.number]);
    expect(byNumber.totalCount).toBe(1);
    // The typed text is text, never a LIKE pattern.
    expect((await queue({ number: '%' })).totalCount).toBe(0);

    const byDealer = await queue({ dealerId: one.dealer.id });
    expect(byDealer.nodes.length).toBe(all.nodes.filter((o) => o.dealer.id === one.dealer.id).length);
    expect(byDealer.nodes.every((o) => o.dealer.id === one.dealer.id)).toBe(true);
    expect((await queue({ dealerId: 'not-a-dealer-id' })).totalCount).toBe(0);

    const level = one.currentApprovalStep!.level;
    const byLevel = await queue({ level });
    expect(byLevel.nodes.length).toBe(all.nodes.filter((o) => o.currentApprovalStep?.level === level).length);

    const byRegion = await queue({ region: one.dealer.region.toLowerCase() });
    expect(byRegion.nodes.length).toBe(all.nodes.filter((o) => o.dealer.region === one.dealer.region).length);
    expect(byRegion.nodes.length).toBeGreaterThan(0);

    const combined = await queue({ region: one.dealer.region, level, sort: 'NEWEST_FIRST' });
    expect(combined.nodes.map((o) => o.id)).toEqual(
      all.nodes
        .filter((o) => o.dealer.region === one.dealer.region && o.currentApprovalStep?.level === level)
        .map((o) => o.id)
        .reverse(),
    );
  });
});

describe('turning two-factor sign-in off', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  const LOGIN = 'mutation($e: String!) { login(email: $e, password: "demo-pass-2026") { accessToken userErrors { code } } }';
  const MY_MFA = '{ myMfa { enabled required recoveryCodesLeft } }';
  const DISABLE = 'mutation($c: String!) { disableMfa(code: $c) { disabled userErrors { code } } }';

  async function enrol(email: string) {
    const user = await stack.loginAs(email);
    const { secret } = (await user.data('mutation { beginMfaEnrolment { secret } }')).beginMfaEnrolment;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const confirmed = (await user.data('mutation($c: String!) { confirmMfaEnrolment(code: $c) { recoveryCodes } }', { c: totp.generate() }))
      .confirmMfaEnrolment;
    return { user, totp, recoveryCodes: confirmed.recoveryCodes as string[] };
  }

  it('needs a fresh code or a recovery code, then sign-in asks for none', async () => {
    const email = 'admin@d0030.dealer';
    expect((await (await stack.loginAs(email)).data(MY_MFA)).myMfa).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const { user, totp } = await enrol(email);
    expect((await user.data(MY_MFA)).myMfa).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await stack.client().data(LOGIN, { e: email })).login.userErrors).toEqual([{ code: 'MFA_REQUIRED' }]);

    expect((await user.data(DISABLE, { c: '000000' })).disableMfa).toEqual({ disabled: false, userErrors: [{ code: 'INVALID_CODE' }] });
    // The code that confirmed the enrolment is spent; the next one works.
    expect((await user.data(DISABLE, { c: totp.generate() })).disableMfa.userErrors).toEqual([{ code: 'INVALID_CODE' }]);
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect((await user.data(DISABLE, { c: next })).disableMfa).toEqual({ disabled: true, userErrors: [] });
    expect((await user.data(MY_MFA)).myMfa).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect((await stack.client().data(LOGIN, { e: email })).login.accessToken).toMatch(/^ey/);
    expect((await user.data(DISABLE, { c: next })).disableMfa.userErrors).toEqual([{ code: 'NOT_ENROLLED' }]);
    const events = await stack.orms.dealers.em
      .getConnection()
      .execute("select count(*) from dealers.security_event where kind = 'MFA_DISABLED' and email = ?", [email]);
    expect(Number(events[0].count)).toBe(1);
  });

  it('is refused where the dealer requires it; a recovery code works where it does not', async () => {
    const email = 'admin@d0031.dealer';
    const { user, recoveryCodes } = await enrol(email);
    const sql = (text: string) => stack.orms.dealers.em.getConnection().execute(text, [email]);
    await sql('update dealers.dealer set mfa_required = true where id = (select dealer_id from dealers.user_account where email = ?)');
    expect((await user.data(MY_MFA)).myMfa.required).toBe(true);
    expect((await user.data(DISABLE, { c: recoveryCodes[0] })).disableMfa.userErrors).toEqual([{ code: 'MFA_REQUIRED_BY_POLICY' }]);
    await sql('update dealers.dealer set mfa_required = false where id = (select dealer_id from dealers.user_account where email = ?)');
    expect((await user.data(DISABLE, { c: recoveryCodes[0] })).disableMfa).toEqual({ disabled: true, userErrors: [] });
  });
});
