import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as RENDERER_CSP } from '../../../renderer/csp';
import {
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAppUrl,
  permissionAllowed,
  requestBlocked,
  RESPONSE_HEADERS,
  safeExternalUrl,
} from '../../../electron/main/security';

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it('is the renderer’s own string, sent as a header on every app response', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(RENDERER_CSP);
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect(RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('allows nothing by default and scripts only from the app: no eval, no inline script, no network', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    // WebAssembly compilation only (the citation processor): no JavaScript eval.
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|unsafe-inline|https?:|\*|strict-dynamic/);
    for (const [name, values] of directives) {
      const allowed = ["'self'", "'none'", 'data:', 'blob:', ...(name === 'script-src' ? ["'wasm-unsafe-eval'"] : [])];
      expect(values.every((v) => allowed.includes(v)), name).toBe(true);
    }
  });
});

describe('links that leave the app', () => {
  it.each([
    ['https://www.loc.gov/item/x', 'https://www.loc.gov/item/x'],
    ['http://example.org/a?b=c#d', 'http://example.org/a?b=c#d'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['mailto:archivist@example.org', 'mailto:archivist@example.org'],
  ])('opens %s in the OS', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'smb://attacker.example/share',
    'ms-msdt:/id PCWDiagnostic /skip force',
    'search-ms:query=x',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://argument-atlas/index.html',
    'https://user:pass@example.org/',
    'https://',
    '\\\\attacker\\share\\x.exe',
    'not a url',
    '',
  ])('refuses %s', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it('refuses what is not a string or is absurdly long', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.org' })).toBeNull();
    expect(safeExternalUrl('https://example.org/' + 'a'.repeat(5000))).toBeNull();
  });
});

describe('the app origin, permissions and requests', () => {
  it('knows its own pages', () => {
    expect(isAppUrl('app://argument-atlas/index.html')).toBe(true);
    expect(isAppUrl('app://argument-atlas')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user@argument-atlas/')).toBe(false);
    expect(isAppUrl('https://argument-atlas/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
  });

  it('denies every permission but a clipboard write from the app itself', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'fileSystem', 'midi', 'pointerLock', 'unknown'])
      expect(permissionAllowed(p, 'app://argument-atlas/index.html'), p).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://argument-atlas')).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('cancels every request to the network or to file://', () => {
    for (const u of ['https://fonts.example/x.woff2', 'http://127.0.0.1:5173/', 'wss://x.example/', 'ftp://x/', 'file:///etc/passwd', 'nonsense'])
      expect(requestBlocked(u), u).toBe(true);
    for (const u of ['app://argument-atlas/assets/index.js', 'data:image/png;base64,AA', 'blob:app://argument-atlas/1', 'devtools://devtools/bundled/x'])
      expect(requestBlocked(u), u).toBe(false);
  });
});

describe('hardening a web contents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on(name: string, fn: (event: { preventDefault(): void }) => void) {
        listeners.set(name, fn);
        return contents;
      },
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        openHandler = fn;
      },
    };
    const fire = (name: string, ...args: unknown[]) => {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    };
    return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }), listeners };
  }

  it('prevents every navigation, redirect and <webview>', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, { openExternal: () => undefined });
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) expect(f.fire(name, 'https://evil.example/'), name).toBe(true);
  });

  it('denies new windows; safe links go to the OS, others nowhere', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents, { openExternal: (u) => opened.push(u) });
    expect(f.open('https://example.org/page')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(f.open('ms-msdt:/id x')).toEqual({ action: 'deny' });
    expect(f.open('app://argument-atlas/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/page']);
  });
});
