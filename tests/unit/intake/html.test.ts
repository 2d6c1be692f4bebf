// HTML: the text a reader sees, and nothing that would run or never shows.
import { describe, expect, it } from 'vitest';
import { intakeDocument, type IntakeResult } from '../../../arguments/intake';
import { htmlToText } from '../../../arguments/intake/html';
import { utf16 } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

function intake(r: IntakeResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.intake;
}

const PAGE = `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>  Письмо   Сталина &amp; Готвальду </title>
  <style>body { color: red } p::before { content: "STYLE" }</style>
  <script>globalThis.__intakeRan = true; alert(1)</script>
</head>
<body onload="globalThis.__intakeRan = true">
  <h1>Letter of 27&nbsp;August 1950</h1>
  <div><div><p>Comrade   Gottwald,
     we have received your letter.</p></div>
  <p>First line<br>second line<br/><br>after two breaks</p></div>
  <script type="module">alert(2)</script>
  <noscript>Enable JavaScript</noscript>
  <template><p>Never shown</p></template>
  <ul><li>one &lt;item&gt;</li><li>two &#8212; &quot;quoted&quot; &#x2116;</li></ul>
  <img src="x" onerror="globalThis.__intakeRan = true" alt="picture">
  <p>Text with <b>bold</b>, <i>italic</i>and a<a href="#n1"><sup>1</sup></a> note.</p>
</body>
</html>`;

describe('HTML text', () => {
  it('gives the visible text, blocks on their own lines, entities decoded, nothing hidden', async () => {
    const r = intake(await intakeDocument('letter.html', utf8(PAGE)));
    expect(r).toMatchObject({ kind: 'html', extracted: true, encoding: 'utf-8', warnings: [] });
    expect(r.text).toBe(
      [
        'Letter of 27\u00A0August 1950',
        '',
        'Comrade Gottwald, we have received your letter.',
        '',
        'First line',
        'second line',
        '',
        'after two breaks',
        '',
        'one <item>',
        'two — "quoted" №',
        '',
        'Text with bold, italicand a1 note.',
      ].join('\n'),
    );
    for (const hidden of ['alert', 'STYLE', 'color', 'Enable JavaScript', 'Never shown', 'picture', 'Письмо']) expect(r.text).not.toContain(hidden);
  });

  it('runs nothing in the page', async () => {
    await intakeDocument('letter.html', utf8(PAGE));
    expect((globalThis as { __intakeRan?: boolean }).__intakeRan).toBeUndefined();
  });

  it('suggests the page’s <title>, white space collapsed', async () => {
    expect(intake(await intakeDocument('letter.html', utf8(PAGE))).suggestedTitle).toBe('Письмо Сталина & Готвальду');
    expect(intake(await intakeDocument('notes.htm', utf8('<p>No title here.</p>'))).suggestedTitle).toBe('notes');
  });

  it('finds the body of a page whose head is never closed', () => {
    expect(htmlToText('<html><head><title>T</title><meta charset="utf-8"><p>Body text.</p>')).toEqual({ text: 'Body text.', title: 'T' });
    expect(htmlToText('<title>Only a title</title>Loose text')).toEqual({ text: 'Loose text', title: 'Only a title' });
  });

  it('keeps preformatted text as written', () => {
    expect(htmlToText('<p>Before</p><pre>\n  fond   558\n  opis    11</pre><p>After</p>').text).toBe('Before\n\n  fond   558\n  opis    11\n\nAfter');
  });

  it('separates table cells with tabs and rows with line breaks', () => {
    expect(htmlToText('<table><tr><th>Fond</th><th>Opis</th></tr><tr><td>558</td><td>11</td></tr></table>').text).toBe('Fond\tOpis\n558\t11');
  });

  it('leaves out SVG titles, keeps SVG text', () => {
    expect(htmlToText('<p>A</p><svg><title>tooltip</title><text>in the figure</text></svg>').text).toBe('A\n\nin the figure');
  });

  it('is found by content whatever its name; UTF-16 pages are read too', async () => {
    expect(intake(await intakeDocument('page.txt', utf8('<!doctype html><p>By content.</p>')))).toMatchObject({ kind: 'html', text: 'By content.' });
    expect(intake(await intakeDocument('page.html', utf16('<html><body><p>Шестнадцать</p></body></html>', 'le')))).toMatchObject({ kind: 'html', text: 'Шестнадцать', encoding: 'utf-16le' });
  });

  it('refuses a page in another encoding, naming the encoding it declares', async () => {
    const cp1251 = new Uint8Array([...utf8('<html><head><meta charset="windows-1251"></head><body><p>'), 0xcf, 0xe8, 0xf1, 0xfc, 0xec, 0xee, ...utf8('</p></body></html>')]);
    const r = await intakeDocument('old.html', cp1251);
    expect(r).toMatchObject({ ok: false, error: { code: 'encoding', message: expect.stringMatching(/“old.html” is written in the windows-1251 encoding.*UTF-8/) } });
  });

  it('refuses a page with no text (made by scripts)', async () => {
    const r = await intakeDocument('app.html', utf8('<html><head><title>App</title></head><body><div id="root"></div><script>render()</script></body></html>'));
    expect(r).toMatchObject({ ok: false, error: { code: 'empty', message: expect.stringMatching(/“app.html” has no text to add.*scripts/) } });
  });

  it('reads a long page whole', () => {
    const page = '<p>Comrade   Gottwald, <b>we</b> received your letter.</p>\n'.repeat(50_000);
    const text = htmlToText(page).text;
    expect(text.length).toBe('Comrade Gottwald, we received your letter.'.length * 50_000 + 2 * 49_999);
  });
});
