// The browser session. The refresh token lives in an HttpOnly cookie that only the gateway's /auth
// routes read; the access token lives here, in memory, and nowhere else (no localStorage). Tabs share
// one session: a refresh runs under a Web Lock, so two tabs rarely spend the same refresh token, and
// the tab that refreshed tells the others the new access token over a BroadcastChannel. When they do
// (a browser without Web Locks, an answer lost on the way), the gateway answers the token just
// rotated out once more within 30 s with the same new one; a later or third use ends the session.

export interface AuthError {
  code: string;
  message: string;
}

interface TokenAnswer {
  accessToken: string | null;
  expiresIn: number | null;
  userErrors: AuthError[];
}

export type SessionState =
  { kind: 'unknown' } | { kind: 'signed-out'; reason?: string } | { kind: 'signed-in' } | { kind: 'mfa-enrolment' };

type Listener = (state: SessionState) => void;
type Broadcast = { type: 'token'; token: string; expiresAt: number } | { type: 'signed-out' };

const CSRF = { 'x-dealergraph-csrf': '1' };
let accessToken: string | null = null;
let expiresAt = 0;
/**
 * Refresh this long before the access token expires, so that a request never carries a dying one:
 * 30 s, or a fifth of a short lifetime.
 */
let earlyMs = 30_000;
let state: SessionState = { kind: 'unknown' };
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('dealergraph-session');

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener(next);
}

function adopt(token: string, expiresInSeconds: number, broadcast = true) {
  accessToken = token;
  expiresAt = Date.now() + expiresInSeconds * 1000;
  earlyMs = Math.min(30_000, expiresInSeconds * 200);
  if (broadcast) channel?.postMessage({ type: 'token', token, expiresAt } satisfies Broadcast);
  if (state.kind !== 'signed-in') setState({ kind: 'signed-in' });
}

function forget(reason?: string, broadcast = true) {
  accessToken = null;
  expiresAt = 0;
  if (broadcast) channel?.postMessage({ type: 'signed-out' } satisfies Broadcast);
  setState({ kind: 'signed-out', reason });
}

channel?.addEventListener('message', (event: MessageEvent<Broadcast>) => {
  if (event.data.type === 'token') {
    accessToken = event.data.token;
    expiresAt = event.data.expiresAt;
    if (state.kind !== 'signed-in') setState({ kind: 'signed-in' });
  } else if (event.data.type === 'signed-out') {
    forget(undefined, false);
  }
});

async function post(path: string, body: Record<string, unknown> = {}): Promise<{ status: number; answer: TokenAnswer }> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...CSRF },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as TokenAnswer | null;
  return { status: response.status, answer: answer ?? { accessToken: null, expiresIn: null, userErrors: [] } };
}

type RefreshAnswer = { status: number; answer: TokenAnswer };

/**
 * The answer of the refresh public/session-preload.js sent while the app loaded, once: the page's first
 * refresh uses it; any later refresh asks the gateway. Null when there was none or it failed.
 */
async function takePreloadedRefresh(): Promise<RefreshAnswer | null> {
  const holder = globalThis as { __dealergraphSession?: Promise<{ status: number; answer: Partial<TokenAnswer> } | null> };
  const preloaded = holder.__dealergraphSession;
  if (!preloaded) return null;
  delete holder.__dealergraphSession;
  const result = await preloaded;
  return result?.answer
    ? { status: result.status, answer: { accessToken: null, expiresIn: null, userErrors: [], ...result.answer } }
    : null;
}

/** One refresh at a time in this browser: under the lock, a token another tab just got is used instead. */
async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('dealergraph-refresh', work);
  return work();
}

let refreshing: Promise<string | null> | null = null;

/**
 * Trades the cookie for a fresh access token; null (and signed out) when the session has ended.
 * `preloaded`: the page's first refresh takes the answer public/session-preload.js asked for while the
 * app loaded (under the same cross-tab lock), instead of waiting for the lock, which the browser grants
 * only after the first render; without that answer it refreshes as usual.
 */
export function refresh(force = false, { preloaded = false } = {}): Promise<string | null> {
  refreshing ??= (async () => {
    const early = preloaded ? await takePreloadedRefresh() : null;
    return early ? settle(early.answer) : withRefreshLock(() => locked(force));
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function locked(force: boolean): Promise<string | null> {
  if (!force && accessToken && expiresAt - Date.now() > earlyMs) return accessToken;
  const { answer } = await post('/auth/refresh');
  return settle(answer);
}

/** Adopts a refresh's answer, or ends the session it says has ended. */
function settle(answer: TokenAnswer): string | null {
  if (answer.accessToken && answer.expiresIn) {
    adopt(answer.accessToken, answer.expiresIn);
    return answer.accessToken;
  }
  const code = answer.userErrors[0]?.code;
  // A service that is down is not a signed-out user: keep what we have and let the caller retry.
  if (code === 'SERVICE_UNAVAILABLE' || code === 'RATE_LIMITED') return null;
  forget(code === 'NO_SESSION' ? undefined : code);
  return null;
}

/** The access token for a request now: the one in memory, or a refreshed one when it is about to expire. */
export async function getAccessToken(): Promise<string | null> {
  if (accessToken && expiresAt - Date.now() > earlyMs) return accessToken;
  if (state.kind === 'signed-out') return null;
  return refresh();
}

export type SignInResult = { ok: true } | { ok: false; code: string; message: string };

/** Signs in; MFA_REQUIRED asks for the code, MFA_ENROLMENT_REQUIRED leads to enrolment (restricted token). */
export async function signIn(email: string, password: string, otp?: string): Promise<SignInResult> {
  let result: { status: number; answer: TokenAnswer };
  try {
    result = await post('/auth/sign-in', { email, password, otp });
  } catch {
    return { ok: false, code: 'NETWORK', message: '' };
  }
  const { answer } = result;
  const error = answer.userErrors[0];
  if (error?.code === 'MFA_ENROLMENT_REQUIRED' && answer.accessToken) {
    accessToken = answer.accessToken;
    expiresAt = Date.now() + (answer.expiresIn ?? 600) * 1000;
    setState({ kind: 'mfa-enrolment' });
    return { ok: false, code: error.code, message: error.message };
  }
  if (error || !answer.accessToken || !answer.expiresIn)
    return { ok: false, code: error?.code ?? 'UNKNOWN', message: error?.message ?? '' };
  adopt(answer.accessToken, answer.expiresIn);
  return { ok: true };
}

/** After enrolling in MFA from a restricted session: hands the first refresh token to the cookie route once. */
export async function completeEnrolment(refreshToken: string): Promise<boolean> {
  const { answer } = await post('/auth/refresh', { refreshToken });
  if (!answer.accessToken || !answer.expiresIn) return false;
  adopt(answer.accessToken, answer.expiresIn);
  return true;
}

export async function signOut(): Promise<void> {
  await post('/auth/sign-out').catch(() => undefined);
  forget();
}

/** The current access token without refreshing (the restricted enrolment token included). */
export function currentToken(): string | null {
  return accessToken;
}

export function sessionState(): SessionState {
  return state;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Waits before each further attempt to resume: 1, 2, 4 and 8 s, then the sign-in form. */
const RESUME_RETRY_MS = [1_000, 2_000, 4_000, 8_000];
let resuming: Promise<void> | null = null;

/**
 * At start: a cookie from an earlier visit (or another tab) signs this tab in without a form. A gateway
 * that is busy (RATE_LIMITED), down or unreachable has not ended the session, so the page keeps
 * loading and asks again before it shows the form.
 */
export function resumeSession(): Promise<void> {
  if (state.kind !== 'unknown') return Promise.resolve();
  resuming ??= (async () => {
    for (const wait of [...RESUME_RETRY_MS, null]) {
      // Only the first attempt takes the answer the preload script asked for; later ones ask again.
      const token = await refresh(true, { preloaded: wait === RESUME_RETRY_MS[0] }).catch(() => null);
      if (token || state.kind !== 'unknown' || wait === null) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (state.kind === 'unknown') setState({ kind: 'signed-out' });
  })().finally(() => {
    resuming = null;
  });
  return resuming;
}
