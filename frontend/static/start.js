// Starts the web app: loads the WebAssembly module. A file of its own rather than an inline
// script, so the Content-Security-Policy allows scripts from this origin only.
import init from '/klasbrug.js';
init({ module_or_path: '/klasbrug_bg.wasm' });
