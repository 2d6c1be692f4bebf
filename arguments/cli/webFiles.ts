// The web build's files as a server hands them out, for both servers of the app: the desktop
// window's app:// protocol (electron/main/protocol.ts) and the live seminar's host, which serves
// the same build to students' browsers (live/static.ts). One resolver refuses anything that could
// leave the build's folder (`..` in any spelling, backslashes, NUL, drive letters and alternate
// data streams, doubled slashes), one table names the types, and one set of headers goes on every
// answer; each server adds only what is its own (the host: no framing, no hidden files).
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../renderer/csp';

/** Headers on every answer with the web build's files: the renderer's CSP (the same string as its meta tag) and friends. */
export const WEB_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=(), display-capture=()',
};

export const WEB_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
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

export function mimeType(path: string): string {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(WEB_MIME_TYPES, ext) ? WEB_MIME_TYPES[ext]! : 'application/octet-stream';
}

/** `..` or `.` as a path segment, also percent-encoded or with backslashes, anywhere in the raw URL. */
export const DOT_SEGMENT = /(^|\/|\\|%2f|%5c)(\.|%2e){1,2}(\/|\\|%2f|%5c|\?|#|$)/i;

/**
 * The file a URL path names inside `root` (`/` names index.html), or null when it names nothing
 * there. `pathname` is the raw (percent-encoded) path of the URL: refused before decoding, since
 * `new URL` and decoding would quietly turn `%2e%2e` into a parent step.
 */
export function resolveWebPath(root: string, pathname: string): string | null {
  if (DOT_SEGMENT.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':') || decoded.includes('//')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const rel = decoded === '/' ? 'index.html' : segments.join('/');
  if (rel === '' || rel.endsWith('/')) return null;
  const base = resolve(root);
  const full = resolve(base, rel);
  const inside = relative(base, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

/** Whether `path` lies inside `base` (both real paths: a symbolic link in the folder must not lead out of it). */
export function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}
