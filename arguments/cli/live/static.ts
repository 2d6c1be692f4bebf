// The web build as the host serves it to students' browsers: files of one folder only (no
// listing, nothing outside it, no hidden files), with the web build's own Content-Security-Policy
// as a header too (the page fetches nothing but the host: scripts, styles and the WebSocket are
// 'self'), so a student's page behaves as the app's window does.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../renderer/csp';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Headers every answer of the host carries. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

export function answer(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serves `pathname` from `root` (GET or HEAD); answers 404 for anything not a file inside it. */
export function serveStatic(root: string | undefined, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  if (root === undefined) return answer(res, 404, 'This host serves no pages; open the room from the app.\n');
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return answer(res, 400, 'The address is not well formed.\n');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const parts = rel.split('/').filter((p) => p !== '');
  // No parent steps, no hidden files, no backslashes or NULs (a Windows separator, a truncation).
  if (parts.some((p) => p === '..' || p.startsWith('.') || p.includes('\\') || p.includes('\0'))) return answer(res, 404, 'Not found.\n');
  let file: string;
  let base: string;
  try {
    base = realpathSync(root);
    file = realpathSync(resolve(base, join(...parts)));
  } catch {
    return answer(res, 404, 'Not found.\n');
  }
  if (!file.startsWith(base + sep)) return answer(res, 404, 'Not found.\n');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return answer(res, 404, 'Not found.\n');
    size = st.size;
  } catch {
    return answer(res, 404, 'Not found.\n');
  }
  const type = Object.hasOwn(TYPES, extname(file).toLowerCase()) ? TYPES[extname(file).toLowerCase()]! : 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': size, 'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
