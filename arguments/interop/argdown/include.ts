// Argdown's `@include(file)` (the IncludePlugin of @argdown/node, which reads files and so is
// not in @argdown/core): each directive is replaced by the file it names, read relative to the
// file that names it, recursively; a file already included is included once only (Argdown puts a
// comment there instead, to stop a loop). The file system stays outside: the caller passes a
// reader. Only files in the imported file's folder or below it are read: a downloaded .argdown
// cannot pull /etc/passwd or ~/.ssh into a map. Errors are traced back to the file and line they
// stand in.
import type { ExchangeProblem } from '../problems';

const DIRECTIVE = /@include\(([^)]+)\)/g;
const MAX_INCLUDES = 1_000;

export interface IncludeReader {
  /** The text of `path` (a path relative to the imported file's folder, "/"-separated), or null when it cannot be read, with why. */
  read(path: string): { ok: true; text: string } | { ok: false; why: string };
}

interface Piece {
  file: string;
  /** Where the piece starts in the expanded text, and in its own file. */
  at: number;
  from: number;
  length: number;
}

export interface Expanded {
  text: string;
  /** Files included, in order, and files skipped because already included. */
  included: string[];
  skipped: string[];
  /** The file and line/column of a line/column of the expanded text. */
  locate(line: number, column: number): { file: string; line: number; column: number };
}

/** "a/./b/../c.argdown" -> "a/c.argdown"; null when it leaves the folder or is absolute. */
function normalise(folder: string, target: string): string | null {
  const t = target.trim().replace(/\\/g, '/');
  if (t.startsWith('/') || /^[A-Za-z]:/.test(t) || t.startsWith('~')) return null;
  const parts = folder === '' ? [] : folder.split('/');
  for (const p of t.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The text with its includes expanded, or the first include that cannot be read. */
export function expandIncludes(text: string, name: string, reader: IncludeReader): { ok: true; expanded: Expanded } | { ok: false; problems: ExchangeProblem[] } {
  if (!text.includes('@include(')) {
    return { ok: true, expanded: { text, included: [], skipped: [], locate: (line, column) => ({ file: name, line, column }) } };
  }
  const texts = new Map<string, string>([[name, text]]);
  const pieces: Piece[] = [];
  const included: string[] = [];
  const skipped: string[] = [];
  const done = new Set<string>();
  let out = '';
  let failure: ExchangeProblem | null = null;

  const expand = (file: string, source: string, shownAs: string): void => {
    const folder = folderOf(file);
    let last = 0;
    for (const m of source.matchAll(DIRECTIVE)) {
      if (failure) return;
      const at = m.index!;
      pieces.push({ file: shownAs, at: out.length, from: last, length: at - last });
      out += source.slice(last, at);
      last = at + m[0].length;
      const where = lineColumn(source, at);
      const target = normalise(folder, m[1]!);
      if (target === null) {
        failure = { code: 'include', message: `@include(${m[1]}) names a file outside the folder of the imported file; Argument Atlas includes only files in that folder or below it.`, ...where, ...(shownAs !== name ? { file: shownAs } : {}) };
        return;
      }
      if (done.has(target)) {
        skipped.push(target);
        continue;
      }
      if (done.size >= MAX_INCLUDES) {
        failure = { code: 'include', message: `more than ${MAX_INCLUDES.toLocaleString('en-US')} files are included; Argument Atlas stops there.`, ...where };
        return;
      }
      done.add(target);
      const read = reader.read(target);
      if (!read.ok) {
        failure = { code: 'include', message: `@include(${m[1]}): ${read.why}`, ...where, ...(shownAs !== name ? { file: shownAs } : {}) };
        return;
      }
      included.push(target);
      texts.set(target, read.text);
      expand(target, read.text, target);
    }
    pieces.push({ file: shownAs, at: out.length, from: last, length: source.length - last });
    out += source.slice(last);
  };
  expand('', text, name);
  if (failure) return { ok: false, problems: [failure] };

  const expandedText = out;
  return {
    ok: true,
    expanded: {
      text: expandedText,
      included,
      skipped,
      locate(line, column) {
        // The offset of the line and column in the expanded text, then the piece it falls in.
        let offset = 0;
        for (let l = 1; l < line; l++) {
          const next = expandedText.indexOf('\n', offset);
          if (next === -1) break;
          offset = next + 1;
        }
        offset += Math.max(0, column - 1);
        let piece = pieces[0]!;
        for (const p of pieces) if (p.at <= offset && p.length > 0) piece = p;
        const inFile = piece.from + Math.min(offset - piece.at, piece.length);
        return { file: piece.file, ...lineColumn(texts.get(piece.file === name ? name : piece.file)!, inFile) };
      },
    },
  };
}
