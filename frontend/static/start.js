// Starts the web app. A file of its own rather than an inline script, so the
// Content-Security-Policy allows scripts from this origin only.
//
// While the WebAssembly module downloads, the session of an earlier visit is restored here:
// the refresh cookie is traded for an access token and the person is fetched with it. The app
// takes the answers from `window.klasbrugSession` (once) instead of asking again, which would
// cost two round trips after it started (frontend/src/api/early.rs).
const accept = 'application/json, application/problem+json';

// Starting the module holds the main thread for a while (on a phone, 100 ms and more), and an
// answer that arrives meanwhile waits for it. So the module starts once the request for the
// person is on its way, not before: otherwise the refresh's answer waits for the module, and
// only then asks for the person. On a first visit the module arrives long after the refresh
// answered, and this costs nothing.
let sessionAsked;
const asked = new Promise((resolve) => {
  sessionAsked = resolve;
});

async function restoreSession() {
  try {
    const refresh = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: accept },
    });
    if (!refresh.ok) {
      sessionAsked();
      return { refreshStatus: refresh.status, refreshBody: await refresh.text() };
    }
    const token = (await refresh.json()).access_token;
    const answer = fetch('/api/v1/me', {
      credentials: 'same-origin',
      headers: { Accept: accept, Authorization: `Bearer ${token}` },
    });
    sessionAsked();
    const me = await answer;
    return { refreshStatus: refresh.status, token, meStatus: me.status, meBody: await me.text() };
  } finally {
    sessionAsked(); // whatever went wrong, the app starts
  }
}

// A failure here (offline, say) is left to the app, which then restores the session itself.
// The marks show in the browser's performance timeline (and in `cargo xtask bench web`).
window.klasbrugSession = restoreSession()
  .catch(() => null)
  .finally(() => performance.mark('klasbrug-session'));

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
await asked;
await init({ module_or_path: module });
performance.mark('klasbrug-started');
