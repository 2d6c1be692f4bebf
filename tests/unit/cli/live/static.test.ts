// The web build as the live host serves it: the page and its files with the app's security
// headers, and nothing else — no parent steps in any spelling (sent raw, as a hostile client
// would: fetch would tidy them away), no hidden files, no folders, no link leading out.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../renderer/csp';
import { setup } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

/** GET (or HEAD) of a raw path, not normalised by any URL parser. */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function webRoot(): { root: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aa-web-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'outside the build');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  return { root };
}

describe('the live host serves the web build', () => {
  it('hands out the page and its files with the CSP, and refuses every way out of the folder', async () => {
    const { mapPath } = t.tempMap();
    const { root } = webRoot();
    const host = await t.host({ mapPath, webRoot: root });
    const page = await get(host.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Argument Atlas</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = await get(host.port, '/assets/app.js');
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get(host.port, '/assets/app.js', 'HEAD')).body).toBe('');
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt', '/.env', '/%2eenv', '/assets/', '/assets', '/assets/leak.txt', '/C:/Windows/win.ini', '//etc/passwd', '/index.html%00.js', '/%E0%A4%A']) {
      const r = await get(host.port, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain('SECRET');
      expect(r.body, path).not.toContain('outside the build');
    }
  });
});
