// The renderer's Content Security Policy: scripts, styles, fonts and workers only from the
// app itself; no eval, no inline script, no network. WebAssembly may be compiled
// ('wasm-unsafe-eval': the citation processor, citeproc-rs), which allows no JavaScript eval. The Electron shell sends the same policy
// as a header; the web build carries it as a meta tag (added at build time, since Vite's dev
// server needs inline scripts for hot reload).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
