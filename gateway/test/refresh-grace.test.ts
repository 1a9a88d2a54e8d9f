import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The refresh token's grace, over the browser's cookie route (POST /auth/refresh) as a browser sends
 * it: an answer lost on the way (a retry, two tabs at once) must not end the session, so the token
 * just rotated out is answered once more within 30 s with the same new refresh token; a third use,
 * or one after the grace, is a replay and closes the session (OAuth 2.0 Security BCP, section 4.14).
 */
interface Answer {
  status: number;
  cookie: string | null;
  body: { accessToken: string | null; expiresIn: number | null; userErrors: { code: string }[] };
}

describe('refresh token grace at POST /auth/refresh', () => {
  let stack: TestStack;
  let origin: string;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, signInBurst: 200 } });
    origin = `http://127.0.0.1:${stack.gateway.port}`;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A cookie route as the web app calls it; `cookie` is the refresh token the browser holds. */
  async function post(path: string, cookie: string | null, body: Record<string, unknown> = {}): Promise<Answer> {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dealergraph-csrf': '1',
        ...(cookie ? { cookie: `dealergraph-session=${cookie}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('dealergraph-session='));
    const value = set ? decodeURIComponent(set.split(';')[0].slice('dealergraph-session='.length)) : null;
    return { status: response.status, cookie: value || null, body: (await response.json()) as Answer['body'] };
  }
  const signIn = async (email: string) => {
    const answer = await post('/auth/sign-in', null, { email, password: 'demo-pass-2026' });
    expect(answer.body.userErrors).toEqual([]);
    return answer.cookie!;
  };
  const me = async (accessToken: string | null) => {
    const client = stack.client();
    client.accessToken = accessToken;
    return ((await client.request<{ me: { email: string } | null }>('{ me { email } }')).data?.me?.email ?? null) as string | null;
  };
  const sessionOf = async (token: string) =>
    (await sql('select revoked_at, generation from dealers.session where id = ?', [token.split('.')[0]]))[0] as {
      revoked_at: Date | null;
      generation: number;
    };

  it('answers a lost refresh again within the grace with the same new refresh token, once; a third use ends the session', async () => {
    const first = await signIn('orders@demo.dealer');
    const rotated = await post('/auth/refresh', first);
    expect([rotated.status, rotated.body.userErrors]).toEqual([200, []]);
    expect(rotated.cookie).not.toBe(first);

    // The answer was lost: the browser still holds the first token and sends it again.
    const again = await post('/auth/refresh', first);
    expect([again.status, again.body.userErrors]).toEqual([200, []]);
    expect(again.cookie).toBe(rotated.cookie);
    expect(await me(again.body.accessToken)).toBe('orders@demo.dealer');
    expect((await sessionOf(first)).generation).toBe(1);

    // The session goes on with the new token.
    const next = await post('/auth/refresh', again.cookie);
    expect([next.status, next.body.userErrors]).toEqual([200, []]);

    // The first token a third time, and the one just replaced a second time: replays, the session closes.
    const replay = await post('/auth/refresh', rotated.cookie);
    expect(replay.status).toBe(200);
    const replayAgain = await post('/auth/refresh', rotated.cookie);
    expect([replayAgain.status, replayAgain.body.userErrors.map((e) => e.code)]).toEqual([401, ['INVALID_REFRESH_TOKEN']]);
    expect(replayAgain.cookie).toBeNull();
    expect((await sessionOf(first)).revoked_at).not.toBeNull();
    expect((await post('/auth/refresh', next.cookie)).body.userErrors.map((e) => e.code)).toEqual(['SESSION_EXPIRED']);
    const events = await sql(
      "select count(*) from dealers.security_event where kind = 'REFRESH_TOKEN_REUSED' and detail->>'sessionId' = ?",
      [first.split('.')[0]],
    );
    expect(Number(events[0].count)).toBe(1);
  });

  it('lets two refreshes of one cookie at the same moment (two tabs) both succeed with the same new token', async () => {
    const first = await signIn('platinum@demo.dealer');
    const [a, b] = await Promise.all([post('/auth/refresh', first), post('/auth/refresh', first)]);
    expect([a.status, b.status, a.body.userErrors, b.body.userErrors]).toEqual([200, 200, [], []]);
    expect(a.cookie).toBe(b.cookie);
    expect(await me(a.body.accessToken)).toBe('platinum@demo.dealer');
    expect(await me(b.body.accessToken)).toBe('platinum@demo.dealer');
    expect((await sessionOf(first)).generation).toBe(1);
    expect((await post('/auth/refresh', a.cookie)).body.userErrors).toEqual([]);
  });

  it('keeps reuse detection after the grace: the previous token 31 s after its rotation closes the session', async () => {
    const first = await signIn('viewer@demo.dealer');
    const rotated = await post('/auth/refresh', first);
    expect(rotated.body.userErrors).toEqual([]);
    // The rotation happened 31 s ago, as far as the session knows (no waiting in a test).
    await sql("update dealers.session set rotated_at = now() - interval '31 seconds' where id = ?", [first.split('.')[0]]);
    const late = await post('/auth/refresh', first);
    expect([late.status, late.body.userErrors.map((e) => e.code)]).toEqual([401, ['INVALID_REFRESH_TOKEN']]);
    expect((await sessionOf(first)).revoked_at).not.toBeNull();
    expect((await post('/auth/refresh', rotated.cookie)).body.userErrors.map((e) => e.code)).toEqual(['SESSION_EXPIRED']);
  });
});
