import { scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Bursts of sign-ins of one user, through the real gateway, each followed by a look at the database:
 * the right password never locks its owner out, and parallel sign-ins never leave more sessions live
 * than the limit, nor tell a sign-in it succeeded and then end its session.
 */
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken userErrors { code } } }';
const PASSWORD = 'demo-pass-2026';

describe('bursts of sign-ins', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const attempt = (email: string, ip: string) => stack.client().request(LOGIN, { e: email, p: PASSWORD }, { 'x-forwarded-for': ip });
  const codeOf = (r: Awaited<ReturnType<typeof attempt>>) =>
    r.data?.login?.userErrors[0]?.code ?? (r.data?.login?.accessToken ? 'OK' : String(r.errors?.[0]?.extensions?.code));
  const eventsOf = async (email: string, kind: string) =>
    Number((await sql('select count(*) from dealers.security_event where email = ? and kind = ?', [email, kind]))[0].count);

  beforeAll(async () => {
    // Room at the door for the bursts, and for 30 argon2 checks queued on a busy two-core machine.
    stack = await startTestStack({ gatewaySecurity: { signInBurst: 500, signInPerMinute: 500, upstreamTimeoutMs: 120_000 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lets 20 parallel sign-ins with the right password from one address in, or ask to retry: no lockout', async () => {
    const email = 'admin@d0020.dealer';
    const codes = (await Promise.all(Array.from({ length: 20 }, () => attempt(email, '198.51.100.80')))).map(codeOf);
    expect(codes.filter((c) => c !== 'OK' && c !== 'SIGN_IN_BUSY')).toEqual([]);
    expect(codes).toContain('OK');
    expect(await eventsOf(email, 'SIGN_IN_LOCKED')).toBe(0);
    expect(await eventsOf(email, 'SIGN_IN_FAILED')).toBe(0);
    // Nothing counted against the account, and every slot given back.
    const throttle = await sql(
      'select coalesce(sum(failures), 0) as failures, count(blocked_until) as blocked from dealers.sign_in_throttle',
    );
    expect([Number(throttle[0].failures), Number(throttle[0].blocked)]).toEqual([0, 0]);
    expect((await sql('select count(*) from dealers.sign_in_attempt'))[0].count).toBe('0');
    // The ones asked to retry get in when they do.
    expect(codeOf(await attempt(email, '198.51.100.80'))).toBe('OK');
  }, 180_000);

  it('leaves at most ten live sessions after 30 parallel sign-ins, and every one told OK holds a working token', async () => {
    const email = 'admin@d0021.dealer';
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(email, `198.51.100.${100 + i}`)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c !== 'OK' && c !== 'SESSION_LIMIT')).toEqual([]);
    const live = await sql(
      `select count(*) from dealers.session s join dealers.user_account u on u.id = s.user_id
        where u.email = ? and s.revoked_at is null and s.expires_at > now()`,
      [email],
    );
    expect(Number(live[0].count)).toBeLessThanOrEqual(10);
    const signedIn = answers.filter((a) => codeOf(a) === 'OK');
    expect(signedIn.length).toBe(Number(live[0].count));
    for (const answer of signedIn) {
      const me = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${answer.data.login.accessToken}` },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      expect(((await me.json()) as { data?: { me?: { email: string } } }).data?.me?.email).toBe(email);
    }
    // Every session the limit ended is logged, and none that is live.
    expect(await eventsOf(email, 'SIGN_IN_SUCCEEDED')).toBe(signedIn.length);
  }, 180_000);
});
