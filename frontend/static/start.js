// Starts the web app. A file of its own rather than an inline script, so the
// Content-Security-Policy allows scripts from this origin only.
//
// While the WebAssembly module downloads and compiles, the session of an earlier visit is
// restored here: the refresh cookie is traded for an access token and the person is fetched
// with it. The app takes the answers from `window.klasbrugSession` (once) instead of asking
// again, which would cost two round trips after it started (frontend/src/api/early.rs).
const accept = 'application/json, application/problem+json';

async function restoreSession() {
  const refresh = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: accept },
  });
  if (!refresh.ok) {
    return { refreshStatus: refresh.status, refreshBody: await refresh.text() };
  }
  const token = (await refresh.json()).access_token;
  const me = await fetch('/api/v1/me', {
    credentials: 'same-origin',
    headers: { Accept: accept, Authorization: `Bearer ${token}` },
  });
  return { refreshStatus: refresh.status, token, meStatus: me.status, meBody: await me.text() };
}

// A failure here (offline, say) is left to the app, which then restores the session itself.
window.klasbrugSession = restoreSession().catch(() => null);

const { default: init } = await import('/klasbrug.js');
init({ module_or_path: '/klasbrug_bg.wasm' });
