// The app:// protocol: the renderer's files (dist/renderer) served to the window instead of
// file://, with the CSP and the other headers of security.ts on every response. The path
// resolver is pure and refuses anything that could leave the renderer's folder: `..` in any
// spelling, backslashes, NUL, drive letters and alternate data streams, other hosts, and
// symbolic links that point outside. main.ts registers the handler with protocol.handle.
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { DOT_SEGMENT, isInside, mimeType, resolveWebPath } from '../../arguments/cli/webFiles';
import { APP_HOST, APP_SCHEME } from '../ipc-contract';
import { RESPONSE_HEADERS } from './security';

/** Registered before the app is ready (protocol.registerSchemesAsPrivileged) so the page is a secure, standard origin. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
  // Never bypassCSP: the policy applies to the app's own pages.
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/** The pure rules of serving the web build, shared with the live seminar's host (arguments/cli/webFiles.ts). */
export { mimeType, resolveWebPath as resolveAppPath } from '../../arguments/cli/webFiles';

/** The file an app:// URL names, or null for another scheme or host, credentials, a port, or a path that leaves `root`. */
export function appRequestPath(root: string, rawUrl: string): string | null {
  // Refused before parsing: `new URL` would quietly normalise `..` away.
  const afterScheme = rawUrl.slice(`${APP_SCHEME}://`.length);
  const rawPath = afterScheme.includes('/') ? afterScheme.slice(afterScheme.indexOf('/')) : '/';
  if (!rawUrl.toLowerCase().startsWith(`${APP_SCHEME}://`) || DOT_SEGMENT.test(rawPath.split(/[?#]/)[0]!)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return null;
  return resolveWebPath(root, url.pathname);
}

const notFound = () => new Response('Not found', { status: 404, headers: { ...RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** The handler for protocol.handle('app', …): files from `root` only, with the CSP header. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root);
  let realBase: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: { ...RESPONSE_HEADERS } });
    const path = appRequestPath(base, request.url);
    if (!path) return notFound();
    try {
      // A symbolic link inside the folder must not lead out of it.
      realBase ??= fsp.realpath(base);
      const real = await fsp.realpath(path);
      if (!isInside(await realBase, real)) return notFound();
      const info = await fsp.stat(real);
      if (!info.isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await fsp.readFile(real);
      return new Response(body, { status: 200, headers: { ...RESPONSE_HEADERS, 'Content-Type': mimeType(real), 'Cache-Control': 'no-cache' } });
    } catch {
      return notFound();
    }
  };
}
