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

// The app comes in bundles, so that a person downloads only their own pages
// (frontend/src/bundle.rs). The app leaves the person's bundle in localStorage once it knows
// them, and 'full' in sessionStorage when this tab needs a page their bundle does not hold.
// Without either, the whole app. `cargo xtask build` puts the files' hashed names here.
const bundles = {
  full: ['/klasbrug.js', '/klasbrug_bg.wasm'],
  school: ['/klasbrug-school.js', '/klasbrug-school_bg.wasm'],
  ambassador: ['/klasbrug-ambassador.js', '/klasbrug-ambassador_bg.wasm'],
  employer: ['/klasbrug-employer.js', '/klasbrug-employer_bg.wasm'],
};

function hint(storage) {
  try {
    return window[storage].getItem('klasbrug-app');
  } catch {
    return null; // storage turned off: the whole app
  }
}

const [script, wasm] =
  bundles[hint('sessionStorage')] ?? bundles[hint('localStorage')] ?? bundles.full;
// The module downloads while its JavaScript loads.
const module = fetch(wasm);
const { default: init } = await import(script);
init({ module_or_path: module });
