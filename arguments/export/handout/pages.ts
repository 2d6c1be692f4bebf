// What each page of the PDF handout holds: one page per step of the stored presentation order
// (the map as revealed at that step, and the passages quoted by what the step reveals) or one
// page per thesis and claim (it, its premises and evidence, the objections and replies bearing
// on it: the outline's section); then the bibliography. Quotes carry Chicago notes from the
// one citation processor (cite/processor.ts), with the quote's page or folio (cite/locator.ts):
// a source's first note in full, later ones short. A worksheet blanks its nodes through the
// HTML handout's own rule (worksheetMap, nodeLabel, handoutSteps), so both handouts hide the same.
import { toCsl } from '../../cite/csl';
import { locatorFor } from '../../cite/locator';
import type { Cite, CiteProcessor } from '../../cite/processor';
import type { ArgumentMap, Id } from '../../model';
import { planOutline, type ObjectionItem, type SectionPlan } from '../../outline/plan';
import { presentedMap, shownAt } from '../../present/reveal';
import { presentationSteps } from '../../present/steps';
import { anchorQuote } from '../../text/anchor';
import { HandoutError, handoutSteps, nodeLabel, worksheetMap } from '../handout';

import { DEFAULT_HANDOUT_PAGING, type HandoutPaging } from './paging';

export { DEFAULT_HANDOUT_PAGING, HANDOUT_PAGINGS, isHandoutPaging, type HandoutPaging } from './paging';

export interface HandoutQuote {
  node: Id;
  /** The quoting node as the handout names it (never by a blanked text). */
  label: string;
  /** The passage as the source gives it, where it is found; else the quote as stored. */
  passage: string;
  /** 1-based number of its note in `HandoutPlan.notes`; none when the source is not in the map. */
  note?: number;
}

export interface HandoutPage {
  /** "Step 3 of 20", "Section 2 of 7" (a section per thesis and claim: "Claim 2 of 7" would misnumber Claim 1). */
  kicker: string;
  heading: string;
  /** The map the page's figure draws: what the step has revealed, or the claim's section. */
  shown: ArgumentMap;
  /** A step's own nodes: its figure is framed on them and what they connect to, as the presentation's camera is. */
  focus?: Id[];
  quotes: HandoutQuote[];
}

export interface HandoutPlan {
  title: string;
  paging: HandoutPaging;
  pages: HandoutPage[];
  /** Chicago notes (plain text), numbered from 1 through the handout. */
  notes: string[];
  /** The bibliography of every source of the map (plain text), in Chicago's order. */
  bibliography: string[];
  blanked: Id[];
}

export interface HandoutPlanOptions {
  paging?: HandoutPaging;
  /** Nodes whose text is left blank (worksheetNodes). */
  worksheet?: readonly Id[];
}

/** A section's nodes in reading order: the statement, its grounds, then objections with their support and replies. */
function sectionNodes(s: SectionPlan): Id[] {
  const ids = [s.node.id, ...s.groups.flatMap((g) => g.premises.map((p) => p.node.id)), ...s.evidence.map((e) => e.node.id)];
  const gather = (o: ObjectionItem) => {
    ids.push(...o.premises.map((n) => n.id), ...o.support.map((n) => n.id));
    o.replies.forEach(gather);
  };
  s.objections.forEach(gather);
  return [...new Set(ids)];
}

interface PendingQuote extends Omit<HandoutQuote, 'note'> {
  cite?: Cite;
}

export function planHandout(map: ArgumentMap, cite: Pick<CiteProcessor, 'notes' | 'bibliography'>, options: HandoutPlanOptions = {}): HandoutPlan {
  const paging = options.paging ?? DEFAULT_HANDOUT_PAGING;
  const blanked = [...(options.worksheet ?? [])];
  const blank = new Set(blanked);
  const shown = worksheetMap(map, blanked);
  const sections = planOutline(shown).sections;
  if (sections.length === 0)
    throw new HandoutError('no-claims', 'The map has no thesis or claim, so a handout would have nothing to present: add a thesis or a claim first.');

  const quotesOf = (ids: readonly Id[]): PendingQuote[] =>
    ids.flatMap((id) => {
      const q = shown.nodes[id]!.quote;
      if (!q) return [];
      const base = { node: id, label: nodeLabel(shown, blank, id) };
      if (!Object.hasOwn(shown.sources, q.source)) return [{ ...base, passage: q.exact }];
      const source = shown.sources[q.source]!;
      const a = anchorQuote(source.text, q);
      const locator = locatorFor(source, q);
      return [{ ...base, passage: a ? source.text.slice(a.start, a.end) : q.exact, cite: locator ? { id: source.id, locator } : { id: source.id } }];
    });

  const pending: { kicker: string; heading: string; shown: ArgumentMap; focus?: Id[]; quotes: PendingQuote[] }[] = [];
  if (paging === 'step') {
    const steps = presentationSteps(map);
    const titles = handoutSteps(map, shown, blanked);
    steps.forEach((step, k) => {
      pending.push({ kicker: `Step ${k + 1} of ${steps.length}`, heading: titles[k]!.title || `Step ${k + 1}`, shown: presentedMap(shown, shownAt(shown, steps, k)), focus: step.nodes, quotes: quotesOf(step.nodes) });
    });
  } else {
    sections.forEach((s, k) => {
      const ids = sectionNodes(s);
      pending.push({ kicker: `Section ${k + 1} of ${sections.length}`, heading: nodeLabel(shown, blank, s.node.id), shown: presentedMap(shown, new Set(ids)), quotes: quotesOf(ids) });
    });
  }

  // One call for every note: the processor decides first (full) and later (short) notes of a source.
  const cites = pending.flatMap((p) => p.quotes.flatMap((q) => (q.cite ? [q.cite] : [])));
  const cited = [...new Set(cites.map((c) => c.id))].map((id) => toCsl(shown.sources[id]!));
  const notes = cites.length > 0 ? cite.notes(cited, cites, 'full').map((n) => n.plain.replace(/\s+/g, ' ').trim()) : [];
  let n = 0;
  const pages: HandoutPage[] = pending.map((p) => ({
    kicker: p.kicker,
    heading: p.heading,
    shown: p.shown,
    ...(p.focus ? { focus: p.focus } : {}),
    quotes: p.quotes.map(({ cite: c, ...q }) => (c ? { ...q, note: ++n } : q)),
  }));
  const all = Object.values(shown.sources).map(toCsl);
  const bibliography = all.length > 0 ? cite.bibliography(all).map((e) => e.plain.replace(/\s+/g, ' ').trim()) : [];
  return { title: shown.meta.title || 'Argument map', paging, pages, notes, bibliography, blanked };
}
