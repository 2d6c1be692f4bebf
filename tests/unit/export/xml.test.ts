// The escaping every user string passes through on its way into a figure, in linear time: the
// same output as the regular expressions it replaces, without their stack overflow (one JSON
// string of 8 M characters) or their backtracking ("onononon…").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, jsonAsXmlText, unescapeXml } from '../../../arguments/export/xml';

// The expressions of the earlier version, as the reference for what the output must be.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const defuse = (t: string, colon: string, equals: string) => t.replace(/(script|data)(\s*):/gi, `$1$2${colon}`).replace(/(on[a-z]+\s*)=/gi, `$1${equals}`);
const escapeBefore = (t: string) => defuse(t.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]!), '&#58;', '&#61;');
const u = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const jsonBefore = (json: string) =>
  json.replace(/"(?:[^"\\]|\\.)*"/g, (str) => defuse(str.replace(/[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g, u), u(':'), u('=')));

/** Text rich in what the escaping looks for. */
const tricky = fc.string({ unit: fc.constantFrom('o', 'n', 'O', 'N', 'c', 'l', 'i', 'k', ' ', '\t', '=', ':', 's', 'r', 'p', 't', 'd', 'a', '"', '\\', '<', '&', '\u00a0', '\n', 'x'), maxLength: 60 });

describe('escapeXml and jsonAsXmlText', () => {
  it('give what the regular expressions gave', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
        expect(escapeXml(s)).toBe(escapeBefore(s));
        const json = JSON.stringify({ [s]: [s, 1, { s }] });
        expect(jsonAsXmlText(json)).toBe(jsonBefore(json));
        // Strings left as they are between strings that change (copied whole, in one slice).
        const mixed = JSON.stringify({ id: 'n1', kind: 'premise', [s]: ['plain words', s, 2, { s, t: 'more words' }], end: 'x' });
        expect(jsonAsXmlText(mixed)).toBe(jsonBefore(mixed));
      }),
    );
    expect(escapeXml('<svg onload = alert(1)> javascript:x ONCLICK=')).toBe('&lt;svg onload &#61; alert(1)&gt; javascript&#58;x ONCLICK&#61;');
  });

  // The timeout is the test: the expressions overflowed the stack, or took minutes.
  it('take a string of 8 M characters and 1,000,000 characters of "onon…"', () => {
    const big = '"\\onon<&>'.repeat(1024 * 1024);
    const json = JSON.stringify({ text: big });
    const out = jsonAsXmlText(json);
    expect(JSON.parse(unescapeXml(out))).toEqual({ text: big });
    expect(escapeXml('on'.repeat(500_000))).toBe('on'.repeat(500_000));
    expect(escapeXml(`${'on'.repeat(500_000)}=`)).toBe(`${'on'.repeat(500_000)}&#61;`);
  }, 60_000);

  // The timeout is the test: one look for the next character per string would rescan the rest each time.
  it('a JSON array of 200,000 strings, none with anything to change, then one that has, is scanned once', () => {
    const json = JSON.stringify([...Array.from({ length: 200_000 }, (_, i) => `word ${i}`), 'on=<']);
    expect(jsonAsXmlText(json)).toBe(jsonBefore(json));
  }, 10_000);

  it('unescapeXml reads CDATA sections, and an unclosed one as text, without rescanning', () => {
    expect(unescapeXml('a<![CDATA[<b>&amp;]]>&amp;c')).toBe('a<b>&amp;&c');
    expect(unescapeXml('&lt;<![CDATA[x &amp;')).toBe('<<![CDATA[x &');
    expect(unescapeXml('<![CDATA['.repeat(100_000))).toBe('<![CDATA['.repeat(100_000));
  }, 60_000);
});
