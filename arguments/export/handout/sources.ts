// The handout's sources: each source's full text, byte-exact, with the passages the map quotes
// marked. Quotes are found by the same anchoring the app and the audit use (text/anchor.ts),
// so a passage is marked where the inspector would show it.
import type { ArgumentMap, Id, Source } from '../../model';
import { anchorQuote } from '../../text/anchor';

/** User text as HTML text or attribute value; a carriage return kept as a reference (the parser would drop it). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => HTML_ENTITY[c]!);
}
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

export interface SourcesView {
  html: string;
  /** Each quoting node's first marked passage: the element id the map's node leads to. */
  quoteTargets: Record<Id, string>;
}

interface Passage {
  start: number;
  end: number;
  node: Id;
}

const meta = (s: Source): string[] =>
  [s.role === 'primary' ? 'Primary source' : 'Secondary source', s.author, s.recipient ? `to ${s.recipient}` : undefined, s.place, s.date, s.citation?.asGiven].filter(
    (p): p is string => p !== undefined && p.trim() !== '',
  );

/**
 * The sources section. `label` names a quoting node (its title, or what the worksheet leaves of
 * it): it is the mark's tooltip, so a blanked node is never named by its text here.
 */
export function sourcesHtml(map: ArgumentMap, label: (id: Id) => string): SourcesView {
  const quoteTargets: Record<Id, string> = {};
  const bySource = new Map<Id, Id[]>();
  for (const n of Object.values(map.nodes))
    if (n.quote && Object.hasOwn(map.sources, n.quote.source)) {
      const list = bySource.get(n.quote.source) ?? [];
      list.push(n.id);
      bySource.set(n.quote.source, list);
    }
  let markCount = 0;
  const parts: string[] = [];
  for (const source of Object.values(map.sources)) {
    const passages: Passage[] = [];
    const unfound: Id[] = [];
    for (const id of bySource.get(source.id) ?? []) {
      const a = anchorQuote(source.text, map.nodes[id]!.quote!);
      if (a && a.end > a.start) passages.push({ start: a.start, end: a.end, node: id });
      else unfound.push(id);
    }
    // Overlapping passages: the text is cut at every boundary and each piece marked by all that cover it.
    const cuts = [...new Set([0, source.text.length, ...passages.flatMap((p) => [p.start, p.end])])].sort((a, b) => a - b);
    let body = '';
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i]!, cuts[i + 1]!];
      const piece = escapeHtml(source.text.slice(from, to));
      const covering = passages.filter((p) => p.start <= from && p.end >= to);
      if (covering.length === 0) {
        body += piece;
        continue;
      }
      const firsts = covering.filter((p) => p.start === from && !Object.hasOwn(quoteTargets, p.node));
      let id = '';
      if (firsts.length > 0) {
        id = `aa-q-${++markCount}`;
        for (const p of firsts) quoteTargets[p.node] = id;
      }
      const names = [...new Set(covering.map((p) => label(p.node)))].join('; ');
      body += `<mark${id ? ` id="${id}" tabindex="-1"` : ''} title="${escapeHtml(`Quoted in the map: ${names}`)}">${piece}</mark>`;
    }
    const lost = unfound.length
      ? `<p class="aa-unfound">Quoted in the map but not found in this text: ${unfound.map((id) => `${escapeHtml(label(id))} (“${escapeHtml(map.nodes[id]!.quote!.exact)}”)`).join('; ')}.</p>`
      : '';
    parts.push(
      `<article class="aa-source"><h3>${escapeHtml(source.title)}</h3><p class="aa-meta">${meta(source).map(escapeHtml).join(' · ')}</p>${lost}<div class="aa-source-text"${source.language ? ` lang="${escapeHtml(source.language)}"` : ''}>${body}</div></article>`,
    );
  }
  const html = parts.length ? parts.join('\n') : '<p>This map has no sources.</p>';
  return { html, quoteTargets };
}
