// What the main process checks of the bytes a window asks it to write, whatever the page
// says they are. A window holding a file token could otherwise write any text into the map
// it has open, or any bytes (an HTML page, an SVG with a script) where a figure or a
// bibliography was asked for: a compromised page gets no further than the formats the app
// itself writes.
// Pure: no Electron, no file system.
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { looksLikeAif } from '../../arguments/interop/aif/read';
import { isPng, readPngChunks } from '../../arguments/export/embed';
import { MAP_METADATA_NS } from '../../arguments/export/svg';
import { unescapeXml } from '../../arguments/export/xml';
import { describeIssue } from '../../arguments/format/errors';
import { loadMap } from '../../arguments/format/load';
import { EXPORT_TYPES, type ExportKind, type ExportMime } from '../ipc-contract';

export type WriteRefusalCode = 'not-a-map' | 'not-a-figure' | 'not-a-bibliography' | 'not-an-outline' | 'not-a-web-page';

/** A write refused before anything was written: a code and a sentence for the user. */
export interface WriteRefusal {
  code: WriteRefusalCode;
  message: string;
}

/** Null when `text` is a map Argument Atlas opens (the loader's own test); else why it is refused. */
export function mapRefusal(text: string, name: string): WriteRefusal | null {
  const loaded = loadMap(text);
  if (loaded.ok) return null;
  const first = loaded.errors[0];
  return {
    code: 'not-a-map',
    message: `Argument Atlas did not write “${name}”: what the window asked to save is not a map it could open again${first ? ` (${describeIssue(first).replace(/\.$/, '')})` : ''}. The file was left as it was.`,
  };
}

const EXPORT_NAMES = {
  'image/svg+xml': 'an SVG figure',
  'image/png': 'a PNG image',
  'application/pdf': 'a PDF document',
  'application/vnd.citationstyles.csl+json': 'a CSL-JSON bibliography',
  'application/x-bibtex': 'a BibTeX bibliography',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'text/markdown': 'a Markdown text',
  'application/x-tex': 'a LaTeX text',
  'text/x-argdown': 'an Argdown text',
  'application/x-aif+json': 'an AIF file',
  'text/html': 'a self-contained web page',
} satisfies Record<ExportMime, string>;

const checks = {
  'image/svg+xml': svgProblem,
  'image/png': async (bytes) => pngProblem(bytes),
  'application/pdf': async (bytes) => pdfProblem(bytes),
  'application/vnd.citationstyles.csl+json': async (bytes) => cslJsonProblem(bytes),
  'application/x-bibtex': async (bytes) => bibtexProblem(bytes),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': async (bytes) => docxProblem(bytes),
  'text/markdown': async (bytes) => bibtexProblem(bytes),
  'application/x-tex': async (bytes) => bibtexProblem(bytes),
  'text/x-argdown': async (bytes) => bibtexProblem(bytes),
  'application/x-aif+json': async (bytes) => aifProblem(bytes),
  'text/html': async (bytes) => pageProblem(bytes),
} satisfies Record<ExportMime, (bytes: Uint8Array) => Promise<string | null>>;

const REFUSAL_CODES = { figure: 'not-a-figure', bibliography: 'not-a-bibliography', outline: 'not-an-outline', page: 'not-a-web-page' } satisfies Record<ExportKind, WriteRefusalCode>;

/** Null when `bytes` are the kind of file `mime` says, as the app's exporters write it; else why not. */
export async function exportRefusal(bytes: Uint8Array, mime: ExportMime, name: string): Promise<WriteRefusal | null> {
  const problem = await checks[mime](bytes);
  if (problem === null) return null;
  return { code: REFUSAL_CODES[EXPORT_TYPES[mime].kind], message: `Argument Atlas did not write “${name}”: the bytes to export are not ${EXPORT_NAMES[mime]} (${problem}).` };
}

// ----- bibliographies ------------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** CSL-JSON as the exporter writes it: UTF-8 JSON, an array of item objects. */
function cslJsonProblem(bytes: Uint8Array): string | null {
  const text = utf8Text(bytes);
  if (text === null) return 'they are not UTF-8 text';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'they are not JSON';
  }
  if (!Array.isArray(value)) return 'the JSON is not a list of records';
  const at = value.findIndex((item) => item === null || typeof item !== 'object' || Array.isArray(item));
  if (at >= 0) return `record ${at + 1} of the list is not an object`;
  return null;
}

/** A Word document as the outline writer makes it: a ZIP holding word/document.xml and [Content_Types].xml. */
function docxProblem(bytes: Uint8Array): string | null {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return 'they do not begin as a ZIP archive';
  let names: string[] = [];
  try {
    // Only the names are read (filter returns false): nothing is inflated.
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    return 'the ZIP archive is damaged';
  }
  if (!names.includes('word/document.xml') || !names.includes('[Content_Types].xml')) return 'the archive has no word/document.xml';
  return null;
}

/** AIF as the exporter writes it: UTF-8 JSON with lists of nodes and edges (under "AIF"). */
function aifProblem(bytes: Uint8Array): string | null {
  const text = utf8Text(bytes);
  if (text === null) return 'they are not UTF-8 text';
  try {
    return looksLikeAif(JSON.parse(text)) ? null : 'the JSON has no AIF nodes and edges';
  } catch {
    return 'they are not JSON';
  }
}

/** BibTeX / BibLaTeX (and the outline's Markdown, LaTeX and Argdown): UTF-8 text; a NUL byte means it is something else. */
function bibtexProblem(bytes: Uint8Array): string | null {
  const text = utf8Text(bytes);
  if (text === null) return 'they are not UTF-8 text';
  if (text.includes('\u0000')) return 'they contain a NUL byte, so they are not text';
  return null;
}

/**
 * A page the app writes (an HTML handout, a comparison's report) forbids itself every load: right
 * after its doctype, <head> and charset comes a CSP that starts with default-src 'none', before
 * anything that could run or fetch, so a page written here loads nothing its policy does not allow.
 */
function pageProblem(bytes: Uint8Array): string | null {
  const text = utf8Text(bytes);
  if (text === null) return 'they are not UTF-8 text';
  if (!/^<!DOCTYPE html>/i.test(text)) return 'they do not begin with <!DOCTYPE html>';
  let policy: string | null = null;
  let before: string | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (policy !== null || before !== null) return;
      if (name === 'meta' && (attrs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') policy = attrs.content ?? '';
      else if (!(name === 'html' || name === 'head' || (name === 'meta' && 'charset' in attrs))) before = name;
    },
  });
  parser.write(text);
  parser.end();
  if (policy === null) return before === null ? 'the page has no Content-Security-Policy' : `the page has no Content-Security-Policy before its first <${before}>`;
  if (!/^\s*default-src 'none'(;|\s*$)/.test(policy)) return "its Content-Security-Policy does not start with default-src 'none'";
  return null;
}

// ----- PNG and PDF ---------------------------------------------------------------------------------

function pngProblem(bytes: Uint8Array): string | null {
  if (!isPng(bytes)) return 'they do not begin with the PNG signature';
  let chunks;
  try {
    chunks = readPngChunks(bytes);
  } catch (err) {
    return err instanceof Error ? err.message.replace(/\.$/, '') : 'the PNG chunks are damaged';
  }
  const length = chunks.reduce((n, c) => n + 12 + c.data.length, 8);
  if (chunks.at(-1)?.type !== 'IEND') return 'the PNG has no end chunk';
  if (length !== bytes.length) return 'there are bytes after the end of the PNG';
  return null;
}

const latin1 = new TextDecoder('latin1');

function pdfProblem(bytes: Uint8Array): string | null {
  if (latin1.decode(bytes.subarray(0, 5)) !== '%PDF-') return 'they do not begin with “%PDF-”';
  if (!/%%EOF\s*$/.test(latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024))))) return 'the PDF has no end marker (it looks cut off)';
  return null;
}

// ----- SVG ---------------------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The elements arguments/export/svg.ts writes into a figure (the <style> of rasterising copies never leaves the renderer). */
const SVG_ELEMENTS: ReadonlySet<string> = new Set(['svg', 'title', 'desc', 'metadata', 'g', 'rect', 'path', 'text', 'tspan']);

/** Why an attribute is not one the exporter writes: events, links and url() references, which a viewer would run or fetch. */
function attributeProblem(name: string, raw: string): string | null {
  if (/^on/i.test(name)) return `an event attribute, “${name}”`;
  if (/(^|:)href$/i.test(name)) return 'a link';
  const value = raw.includes('&') ? unescapeXml(raw) : raw;
  if (/url\s*\(|javascript:/i.test(value)) return 'a reference to another resource';
  return null;
}

/** The SVG is parsed this many characters at a time, letting the main process's other work run in between. */
const SVG_SLICE = 1 << 20;

/**
 * Parses the SVG (htmlparser2, as XML) and refuses what the exporter never writes: another
 * root, DOCTYPE and entity declarations, scripts, foreign content, event attributes, links,
 * unclosed elements. The map it carries in <metadata> is text and is not checked here.
 */
async function svgProblem(bytes: Uint8Array): Promise<string | null> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'they are not UTF-8 text';
  }
  if (!/^(<\?xml\s[^>]*\?>\s*)?<svg[\s>]/.test(text)) return 'they do not begin with an XML declaration or <svg>';
  let problem: string | null = null;
  const fail = (why: string) => {
    if (problem === null) problem = why;
    parser.pause();
  };
  const open: string[] = [];
  let roots = 0;
  /** Inside the element that carries the map, whose content is text only. */
  let inMap = false;
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (parser.startIndex !== 0 || name.toLowerCase() !== '?xml') fail(`it contains a declaration the exporter does not write (<${name}>)`);
      },
      onopentag(name, attribs) {
        const parent = open.at(-1);
        if (inMap) return fail('the map in its metadata contains markup');
        if (parent === undefined) {
          roots += 1;
          if (roots > 1 || name !== 'svg') return fail('its root element is not a single <svg>');
          if (attribs.xmlns !== SVG_NS) return fail('its root element is not in the SVG namespace');
        }
        const prefix = /^([A-Za-z_][\w.-]*):map$/.exec(name)?.[1];
        if (prefix !== undefined && parent === 'metadata' && attribs[`xmlns:${prefix}`] === MAP_METADATA_NS) inMap = true;
        else if (!SVG_ELEMENTS.has(name)) return fail(`it contains a <${name}> element`);
        for (const key in attribs) {
          const why = attributeProblem(key, attribs[key]!);
          if (why) return fail(`it contains ${why}`);
        }
        open.push(name);
      },
      onclosetag(name, isImplied) {
        // The parser reports <rect/> as an implied close too: told apart by the "/>" it ends at.
        const selfClosed = text.startsWith('/>', parser.endIndex - 1);
        if (isImplied && !selfClosed) return fail(`its <${name}> element is not closed`);
        open.pop();
        inMap = false;
      },
      ontext(data) {
        if (open.length === 0 && data.trim() !== '') fail('there is text outside its <svg> element');
      },
    },
    // Attribute values are decoded only where they hold a reference (attributeProblem); text never needs it.
    { xmlMode: true, decodeEntities: false },
  );
  for (let at = 0; at < text.length && problem === null; at += SVG_SLICE) {
    parser.write(text.slice(at, at + SVG_SLICE));
    if (at + SVG_SLICE < text.length) await new Promise((resolve) => setImmediate(resolve));
  }
  if (problem === null) parser.end();
  if (problem === null && roots !== 1) problem = 'it has no <svg> element';
  return problem;
}
