// The web build as the host serves it to students' browsers: files of one folder only (no
// listing, nothing outside it, no hidden files), with the web build's own Content-Security-Policy
// as a header too (the page fetches nothing but the host: scripts, styles and the WebSocket are
// 'self'), so a student's page behaves as the app's window does.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { isInside, mimeType, resolveWebPath, WEB_RESPONSE_HEADERS } from '../webFiles';

/** Headers every answer of the host carries: the app protocol's, and its pages are never framed. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = { ...WEB_RESPONSE_HEADERS, 'X-Frame-Options': 'DENY' };

export function answer(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serves `pathname` from `root` (GET or HEAD); answers 404 for anything not a file inside it. */
export function serveStatic(root: string | undefined, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  if (root === undefined) return answer(res, 404, 'This host serves no pages; open the room from the app.\n');
  const named = resolveWebPath(root, pathname);
  // A hidden file (a ".git" or ".env" left in a --web folder) is never handed out either.
  if (named === null || decodeURIComponent(pathname).split('/').some((p) => p.startsWith('.'))) return answer(res, 404, 'Not found.\n');
  let file: string;
  try {
    file = realpathSync(named);
    if (!isInside(realpathSync(root), file)) return answer(res, 404, 'Not found.\n');
  } catch {
    return answer(res, 404, 'Not found.\n');
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return answer(res, 404, 'Not found.\n');
    size = st.size;
  } catch {
    return answer(res, 404, 'Not found.\n');
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Content-Length': size, 'Cache-Control': basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=3600' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
