// The security decisions of the shell, as pure functions the unit tests call directly, and
// the wiring of them onto a web contents and a session (main.ts calls hardenWebContents for
// every web contents the app creates, and hardenSession once).
// Only `import type` from Electron here: the module loads in plain Node.
import type { Session, WebContents } from 'electron';
import { WEB_RESPONSE_HEADERS } from '../../arguments/cli/webFiles';
import { CONTENT_SECURITY_POLICY } from '../../renderer/csp';
import { APP_HOST, APP_SCHEME } from '../ipc-contract';

export { CONTENT_SECURITY_POLICY };

/** Headers on every response of the app protocol: the renderer's CSP (the same string as its meta tag) and friends. */
export const RESPONSE_HEADERS = WEB_RESPONSE_HEADERS;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** A page of the app itself: app://argument-atlas/… (Node gives custom schemes an opaque origin, so scheme and host are compared). */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * A link the operating system's browser or mail program may open: http, https or mailto
 * only, parsed with `new URL` (never matched as text), with a host and no credentials.
 * Returns the normalised URL to open, or null for anything else (file:, javascript:, smb:,
 * ms-msdt:, custom handlers, UNC paths…).
 */
export function safeExternalUrl(raw: unknown): string | null {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.length > 0 && !/[\r\n]/.test(decodeURIComponent(url.href)) ? url.href : null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href.length <= 2048 ? url.href : null;
}

/** The one permission the renderer uses: writing plain text to the clipboard when nodes are copied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Every permission request and check is denied, except a clipboard write from the app's own page. */
export function permissionAllowed(permission: string, requestingUrl: unknown): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Schemes the app's session never loads: it works offline and reads files only through its dialogs. */
const BLOCKED_REQUEST_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function requestBlocked(raw: unknown): boolean {
  const url = parse(raw);
  return url === null || BLOCKED_REQUEST_SCHEMES.has(url.protocol);
}

export interface Hardening {
  /** Opens a URL that passed safeExternalUrl in the OS (shell.openExternal). */
  openExternal(url: string): void;
}

/**
 * Navigation away from the app is prevented (will-navigate, will-frame-navigate,
 * will-redirect); new windows are denied, and http/https/mailto links go to the OS instead;
 * <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents, hardening: Hardening): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) hardening.openExternal(external); // eng-disable OPEN_EXTERNAL_JS_CHECK -- `external` passed safeExternalUrl() just above
    return { action: 'deny' };
  });
}

/** Permissions denied (but the clipboard write above), devices denied, downloads cancelled, network and file:// requests cancelled. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl ?? contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: requestBlocked(details.url) }));
}
