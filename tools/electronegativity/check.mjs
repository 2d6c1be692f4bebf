// Runs Doyensec's electronegativity on the Electron shell and fails on any HIGH or MEDIUM
// finding (electronegativity itself exits 0 whatever it finds). It lives apart from the
// project (its own package.json and lock file) because it breaks with the project's TypeScript.
//
//   node tools/electronegativity/check.mjs   (installs it with `npm ci` here the first time)
//
// What is scanned: electron/ (the TypeScript sources, so eng-disable comments count) and the
// renderer's page as the web build makes it (renderer/index.html with the CSP meta tag of
// renderer/csp.ts), so the CSP checks see the real policy. First, a deliberately insecure
// fixture is scanned and must fail: proof that the gate can fail at all.
//
// A finding that was reviewed and is safe may be silenced only on its line, with its
// eng-disable comment and a one-line reason:  // eng-disable CHECK_ID -- why it is safe
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FAILING = new Set(['HIGH', 'MEDIUM']);

const bin = join(here, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
if (!existsSync(bin)) {
  // Its own install, from its own lock file (never the project's).
  console.log('Installing electronegativity into tools/electronegativity (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0 || !existsSync(bin)) {
    console.error('electronegativity could not be installed: run `npm ci --prefix tools/electronegativity`.');
    process.exit(2);
  }
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** RFC 4180 CSV, as electronegativity writes it (quotes doubled inside quoted fields). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);

/** One run; null when the report it wrote is malformed (it sometimes interleaves rows). */
function scanOnce(input, label) {
  const report = join(mkdtempSync(join(tmpdir(), 'aa-eng-report-')), 'report.csv');
  const r = spawnSync(process.execPath, [bin, '-i', input, '-o', report, '-r', '-e', electronVersion, '-v', 'false'], { encoding: 'utf8', cwd: here });
  if (r.status !== 0 || !existsSync(report)) {
    console.error(`electronegativity failed on ${label} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    process.exit(2);
  }
  const [header = [], ...rows] = parseCsv(readFileSync(report, 'utf8'));
  const col = (name) => header.findIndex((h) => h.trim() === name);
  const [id, severity, confidence, file, location, description] = ['issue', 'severity', 'confidence', 'filename', 'location', 'description'].map(col);
  if ([id, severity, file].some((i) => i < 0)) return null;
  const findings = rows.map((r) => ({
    id: r[id]?.trim(),
    severity: r[severity]?.trim().toUpperCase(),
    confidence: r[confidence]?.trim(),
    file: r[file]?.trim(),
    location: r[location]?.trim(),
    description: r[description]?.trim(),
  }));
  return findings.every((f) => f.id && SEVERITIES.has(f.severity)) ? findings : null;
}

/** Retries a malformed report (an intermittent electronegativity fault); a clean report is final. */
function scan(input, label) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const findings = scanOnce(input, label);
    if (findings) return findings;
    console.warn(`electronegativity wrote a malformed report for ${label} (attempt ${attempt}); running it again.`);
  }
  console.error(`electronegativity kept writing malformed reports for ${label}.`);
  process.exit(2);
}

const show = (f) => `  ${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.location}  ${f.description} (${f.confidence})`;

// 1. The gate can fail: the insecure fixture must produce HIGH or MEDIUM findings.
const fixture = scan(join(here, 'fixtures', 'insecure'), 'the insecure fixture');
if (!fixture.some((f) => FAILING.has(f.severity))) {
  console.error('Self-test failed: electronegativity reported nothing HIGH or MEDIUM for fixtures/insecure, so the check below proves nothing.');
  for (const f of fixture) console.error(show(f));
  process.exit(2);
}

// 2. The app: electron/ and the page as built (CSP meta from renderer/csp.ts).
const staged = mkdtempSync(join(tmpdir(), 'aa-eng-scan-'));
try {
  cpSync(join(root, 'electron'), join(staged, 'electron'), { recursive: true });
  const { build } = await import(pathToFileURL(join(root, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const cspModule = join(staged, 'csp.mjs');
  await build({ entryPoints: [join(root, 'renderer', 'csp.ts')], outfile: cspModule, format: 'esm', bundle: true, logLevel: 'error' });
  const { CONTENT_SECURITY_POLICY } = await import(pathToFileURL(cspModule).href);
  rmSync(cspModule);
  const page = readFileSync(join(root, 'renderer', 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
  mkdirSync(join(staged, 'renderer'));
  writeFileSync(join(staged, 'renderer', 'index.html'), page);

  const findings = scan(staged, 'the app');
  const failing = findings.filter((f) => FAILING.has(f.severity));
  console.log(`electronegativity ${JSON.parse(readFileSync(join(here, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8')).version} on electron/ and the renderer page (Electron ${electronVersion}): ${findings.length} finding(s), ${failing.length} HIGH or MEDIUM`);
  for (const f of findings) console.log(show(f));
  if (failing.length > 0) {
    console.error('\nFix each HIGH or MEDIUM finding, or, once reviewed and safe, silence it on its line: // eng-disable CHECK_ID -- one-line reason');
    process.exit(1);
  }
} finally {
  rmSync(staged, { recursive: true, force: true });
}
