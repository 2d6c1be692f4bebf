// HTML -> text with htmlparser2 (no DOM, so nothing in the page can run): the text content,
// without scripts, styles, templates or the head; block elements and <br> break lines, as a
// browser shows them; entities decoded. Also turns mammoth's HTML of a .docx into its text.
import { Parser } from 'htmlparser2';
import { decodeText } from './decode';
import { intakeError, subject } from './errors';
import { checkTextLength } from './limits';
import type { IntakeResult } from './types';

type Attributes = Record<string, string>;

export interface HtmlTextOptions {
  /** 'collapse' (default): runs of white space are one space, as a browser shows them; 'preserve': kept as written. */
  whitespace?: 'collapse' | 'preserve';
  /** Leave this element and all it contains out. */
  omit?(name: string, attributes: Attributes): boolean;
  /** Text put before the element's content (on the line where its first text goes). */
  prefix?(name: string, attributes: Attributes): string;
}

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'noembed', 'noframes']);
/** What the head may contain; any other element starts the body (as in a browser). */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);
/** Blocks that stand apart as paragraphs (a blank line between them). */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'table', 'ul', 'ol', 'dl', 'hr', 'address', 'listing', 'xmp']);
/** Blocks that start on a new line. */
const LINES = new Set([
  'div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main',
  'figcaption', 'caption', 'form', 'fieldset', 'legend', 'details', 'summary', 'center', 'thead', 'tbody', 'tfoot', 'body', 'html', 'option',
]);
const CELLS = new Set(['td', 'th']);
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext']);

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

export function htmlToText(html: string, options: HtmlTextOptions = {}): { text: string; title?: string } {
  const preserveAll = options.whitespace === 'preserve';
  // The text so far, in pieces (a string grown and re-scanned at each block would be quadratic).
  const parts: string[] = [];
  const lastChar = () => {
    const last = parts[parts.length - 1];
    return last === undefined ? undefined : last[last.length - 1];
  };
  const trimLine = () => {
    while (parts.length > 0) {
      const t = parts[parts.length - 1]!.replace(/[ \t]+$/, '');
      if (t !== '') return void (parts[parts.length - 1] = t);
      parts.pop();
    }
  };
  /** Line breaks owed before the next text (blocks take the larger; <br> adds one). */
  let breaks = 0;
  /** A collapsed space owed before the next text on the same line. */
  let space = false;
  /** A tab owed between table cells. */
  let tab = false;
  let hidden = 0;
  let pre = 0;
  /** The newline right after <pre> is not content (HTML drops it). */
  let preStart = false;
  let svg = 0;
  let inHead = false;
  let inTitle = false;
  let title: string | null = null;
  const omitted: string[] = [];
  /** Text from `options.prefix`, put before the element's first text (after any line breaks). */
  let prefix = '';

  const block = (n: number) => {
    breaks = Math.max(breaks, n);
    space = false;
    tab = false;
  };
  const write = (s: string) => {
    if (s === '') return;
    if (parts.length > 0) {
      if (breaks > 0) {
        trimLine();
        parts.push('\n'.repeat(breaks));
      } else if (tab) parts.push('\t');
      else if (space && !isSpace(lastChar())) parts.push(' ');
    }
    breaks = 0;
    space = false;
    tab = false;
    parts.push(prefix + s);
    prefix = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (omitted.length > 0 || (options.omit?.(name, attributes) ?? false)) {
          omitted.push(name);
          return;
        }
        if (name === 'head') inHead = true;
        else if (inHead && !HEAD_CONTENT.has(name)) inHead = false;
        if (name === 'svg') svg++;
        // A title (the page's, or an SVG tooltip) is never body text.
        if (name === 'title') {
          inTitle = true;
          if (title === null && svg === 0) title = '';
        }
        if (HIDDEN.has(name)) hidden++;
        if (hidden > 0 || inHead || inTitle) return;
        if (PARAGRAPHS.has(name)) block(2);
        else if (LINES.has(name)) block(1);
        else if (CELLS.has(name)) {
          if (breaks === 0 && parts.length > 0 && lastChar() !== '\n') tab = true;
        } else if (name === 'br') {
          // A line break of its own, kept even between blocks ("a<br><br>b" is two).
          if (parts.length > 0) breaks++;
          space = false;
          tab = false;
        }
        if (PREFORMATTED.has(name)) (pre++, (preStart = true));
        prefix += options.prefix?.(name, attributes) ?? '';
      },
      ontext(data) {
        if (omitted.length > 0) return;
        if (inTitle) {
          if (title !== null && svg === 0) title += data;
          return;
        }
        if (hidden > 0 || inHead) return;
        if (pre > 0 && preStart) data = data.replace(/^\r?\n/, '');
        preStart = false;
        if (preserveAll || pre > 0) return write(data);
        // Collapsing: white space at either end becomes an owed space.
        const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
        if (collapsed.startsWith(' ')) space = true;
        write(collapsed.trim() === collapsed ? collapsed : collapsed.replace(/^ /, '').replace(/ $/, ''));
        if (collapsed.endsWith(' ')) space = true;
      },
      onclosetag(name) {
        if (omitted.length > 0) {
          if (omitted[omitted.length - 1] === name) omitted.pop();
          return;
        }
        if (name === 'title') inTitle = false;
        if (name === 'svg') svg = Math.max(0, svg - 1);
        if (name === 'head') inHead = false;
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (PREFORMATTED.has(name)) pre = Math.max(0, pre - 1);
        if (hidden > 0 || inHead) return;
        if (PARAGRAPHS.has(name)) block(2);
        else if (LINES.has(name)) block(1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  const cleanTitle = (title ?? '').replace(/\s+/g, ' ').trim();
  return { text: parts.join('').trimEnd(), ...(cleanTitle ? { title: cleanTitle } : {}) };
}

/** The charset an HTML file declares in a <meta> (for the message when it is not UTF-8). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function intakeHtml(fileName: string, bytes: Uint8Array): IntakeResult {
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) {
    const charset = declaredCharset(bytes);
    if (decoded.error.code === 'encoding' && charset && !/^utf-?8$/.test(charset))
      return { ok: false, error: intakeError('encoding', `${subject(fileName)} is written in the ${charset} encoding, which Argument Atlas does not read. Save the page as UTF-8 (or open it in a browser and save it as text) and add it again.`) };
    return decoded;
  }
  const { text, title } = htmlToText(decoded.text);
  if (text.trim() === '') return { ok: false, error: intakeError('empty', `${subject(fileName)} has no text to add: the page is empty, or its content is made by scripts (which are never run).`) };
  const tooLong = checkTextLength(fileName, text.length, true);
  if (tooLong) return { ok: false, error: tooLong };
  return { ok: true, intake: { kind: 'html', text, encoding: decoded.encoding, extracted: true, ...(title ? { suggestedTitle: title } : {}), warnings: [] } };
}
