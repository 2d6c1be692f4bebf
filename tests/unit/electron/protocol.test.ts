import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRequestPath, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeType, resolveAppPath } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../renderer/csp';

let base = '';
let root = '';
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'aa-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  if (process.platform !== 'win32') symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the app:// path resolver', () => {
  it('maps the app’s URLs into the renderer folder', () => {
    expect(appRequestPath(root, 'app://argument-atlas/')).toBe(join(root, 'index.html'));
    expect(appRequestPath(root, 'app://argument-atlas/index.html')).toBe(join(root, 'index.html'));
    expect(appRequestPath(root, 'app://argument-atlas/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(appRequestPath(root, 'app://argument-atlas/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it.each([
    'app://x/../../etc/passwd',
    'app://argument-atlas/../../etc/passwd',
    'app://argument-atlas/assets/../../secret.txt',
    'app://argument-atlas/%2e%2e/%2e%2e/etc/passwd',
    'app://argument-atlas/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://argument-atlas/..%2f..%2fetc%2fpasswd',
    'app://argument-atlas/..%5c..%5cwindows%5cwin.ini',
    'app://argument-atlas/assets/..\\..\\secret.txt',
    'app://argument-atlas/%252e%252e/secret.txt',
    'app://argument-atlas/./index.html',
    'app://argument-atlas//etc/passwd',
    'app://argument-atlas/C:/Windows/win.ini',
    'app://argument-atlas/index.html%00.js',
    'app://argument-atlas/index.html::$DATA',
    'app://argument-atlas:8080/index.html',
    'app://user@argument-atlas/index.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://argument-atlas/index.html',
    'app://argument-atlas/%E0%A4%A',
  ])('refuses %s', (url) => {
    const resolved = appRequestPath(root, url);
    // Refused outright, or (for a double-encoded dot) a literal name inside the folder.
    if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true);
    if (!url.includes('%252e')) expect(resolved).toBeNull();
  });

  it('refuses traversal given as a raw path too', () => {
    for (const p of ['/../../etc/passwd', '/assets/../../secret.txt', '/..', '/%2e%2e/x', '\\..\\x', '/a/./b'])
      expect(resolveAppPath(root, p), p).toBeNull();
  });

  it('names types strictly (module scripts need a JavaScript type)', () => {
    expect(mimeType('a/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('a/x.woff2')).toBe('font/woff2');
    expect(mimeType('a/x.unknown')).toBe('application/octet-stream');
  });

  it('registers a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });
});

describe('the app:// handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves the page with the CSP header', async () => {
    const res = await get('app://argument-atlas/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Argument Atlas');
  });

  it('serves assets, and 404s what is not there or not allowed', async () => {
    expect((await get('app://argument-atlas/assets/index-abc.js')).status).toBe(200);
    expect((await get('app://argument-atlas/missing.js')).status).toBe(404);
    expect((await get('app://argument-atlas/assets')).status).toBe(404); // a folder
    expect((await get('app://x/../../etc/passwd')).status).toBe(404);
    expect((await get('app://argument-atlas/..%2fsecret.txt')).status).toBe(404);
    const refused = await get('app://argument-atlas/..%2fsecret.txt');
    expect(await refused.text()).not.toContain('outside');
  });

  it('does not follow a symbolic link out of the folder', async () => {
    if (process.platform === 'win32') return;
    expect((await get('app://argument-atlas/assets/link.js')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://argument-atlas/index.html', 'POST')).status).toBe(405);
    const head = await get('app://argument-atlas/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });
});
