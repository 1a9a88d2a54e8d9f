// Asks for the browser session (the HttpOnly refresh cookie traded for an access token) while the
// app's script is still downloading and parsing; src/api/session.ts takes this answer on its first
// refresh instead of asking again. Under the app's cross-tab Web Lock, so two tabs opened at once
// spend the cookie one after the other. Plain script, deferred in index.html: it runs before the app module (document order), never after it.
{
  const ask = () =>
    fetch('/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-dealergraph-csrf': '1' },
      body: '{}',
    })
      .then((response) => response.json().then((answer) => ({ status: response.status, answer })))
      .catch(() => null);
  globalThis.__dealergraphSession = navigator.locks ? navigator.locks.request('dealergraph-refresh', ask) : ask();
}
