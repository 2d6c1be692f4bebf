// The outline of a map (plan.ts says what goes where) in sentences: the title, each thesis and
// claim with its premises as one paragraph (linked co-premises together, said to be linked), its
// evidence as quotations, each with a Chicago footnote citing its source with the page or folio
// the passage stands on (cite/locator.ts), "Objections and replies" in their voices, the
// dialectical status when asked for, and the bibliography of the sources cited. The notes and the
// bibliography come from the app's CSL processor (citeproc-rs, Chicago notes-bibliography): a
// source's first note in full, later ones short. Quotations are taken from the source text
// itself where the quote is found there (byte-exact); a quote not found is printed as the map
// stores it, and said so in `warnings`.
import { computeStatus } from '../analysis/status';
import { toCsl } from '../cite/csl';
import { locatorFor } from '../cite/locator';
import type { CiteProcessor } from '../cite/processor';
import { KNOWN_VOICES, type ArgNode, type ArgumentMap, type Quote, type RelationKind } from '../model';
import { anchorQuote } from '../text/anchor';
import type { Block, Citation, Inline, Outline } from './model';
import { planOutline, type ObjectionItem, type PremiseGroup, type SectionPlan } from './plan';

export interface OutlineOptions {
  /** Say for each thesis and claim whether it stands, falls or is open, counting these voices (null: every voice). */
  status?: { voices: ReadonlySet<string> | null };
}

const known = new Set<string>(KNOWN_VOICES);

/** "The critic" for a role, a name as it is ("Anna Weber"). */
function speaker(voice: string | undefined): string | undefined {
  if (voice === undefined || voice.trim() === '') return undefined;
  return known.has(voice) ? `The ${voice}` : voice;
}

const VERB = { opposes: 'objects to', undercuts: 'questions', qualifies: 'adds a caveat to', supports: 'supports' } satisfies Record<RelationKind, string>;
const NOUN = { opposes: 'An objection to', undercuts: 'A question about', qualifies: 'A caveat to', supports: 'Support for' } satisfies Record<RelationKind, string>;

/** The text ending as a sentence ends: with a full stop unless it has one (before closing quotes or brackets). */
const sentence = (text: string) => (/[.!?…][\]"'”’)»]*$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

class Writer {
  readonly blocks: Block[] = [];
  readonly cites: Omit<Citation, 'note'>[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly map: ArgumentMap) {}

  heading(level: 1 | 2, text: string): void {
    this.blocks.push({ type: 'heading', level, text });
  }

  paragraph(...content: (Inline | string)[]): void {
    const list = content.map((c) => (typeof c === 'string' ? { text: c } : c)).filter((c) => !('text' in c) || c.text !== '');
    if (list.length > 0) this.blocks.push({ type: 'paragraph', content: list });
  }

  /** The node's quoted passage, with its footnote. */
  quotation(node: ArgNode): void {
    const q = node.quote;
    if (!q) return;
    const source = Object.hasOwn(this.map.sources, q.source) ? this.map.sources[q.source]! : undefined;
    if (!source) {
      this.blocks.push({ type: 'quotation', text: q.exact });
      this.warnings.push(`The quote of ${node.id} names a source (${q.source}) that is not in the map; it is printed without a note.`);
      return;
    }
    const text = passage(source.text, q);
    if (text === null) this.warnings.push(`The quote of ${node.id} is not in its source (${source.id}); it is printed as the map stores it, and its note gives no page or folio.`);
    this.cites.push({ source: source.id, locator: locatorFor(source, q) });
    this.blocks.push({ type: 'quotation', text: text ?? q.exact, note: this.cites.length });
  }
}

/** The passage exactly as the source gives it, where the quote is found; null when it is not. */
function passage(sourceText: string, q: Quote): string | null {
  const a = anchorQuote(sourceText, q);
  return a ? sourceText.slice(a.start, a.end) : null;
}

export function buildOutline(map: ArgumentMap, processor: CiteProcessor, options: OutlineOptions = {}): Outline {
  const w = new Writer(map);
  const plan = planOutline(map);
  const status = options.status ? computeStatus(map, Object.values(map.evaluations ?? {}), { voices: options.status.voices }) : undefined;
  if (plan.sections.length === 0 && plan.others.length === 0) w.paragraph({ emphasis: 'This map has no statements yet.' });
  for (const section of plan.sections) writeSection(w, section, status?.nodes.get(section.node.id)?.reason, options.status?.voices ?? null);
  if (plan.others.length > 0) {
    w.heading(1, plan.sections.length > 0 ? 'Other notes' : 'Notes');
    for (const n of plan.others) {
      w.paragraph(...titled(n), n.text, voiceSuffix(n.voice));
      w.quotation(n);
    }
  }

  const cited = [...new Set(w.cites.map((c) => c.source))].map((id) => map.sources[id]!);
  const items = cited.map((s) => toCsl(s));
  const notes = w.cites.length > 0 ? processor.notes(items, w.cites.map((c) => ({ id: c.source, ...(c.locator ? { locator: c.locator } : {}) })), 'full').map((n) => n.plain) : [];
  const bibliography = items.length > 0 ? processor.bibliography(items).map((e) => ({ source: e.id, text: e.plain })) : [];
  return {
    title: map.meta.title,
    ...(map.meta.description?.trim() ? { abstract: map.meta.description } : {}),
    authors: [...map.meta.authors],
    blocks: w.blocks,
    notes,
    citations: w.cites.map((c, k) => ({ note: k + 1, ...c })),
    bibliography,
    warnings: w.warnings,
  };
}

const titled = (n: ArgNode): Inline[] => (n.title !== undefined && n.title.trim() !== '' ? [{ emphasis: n.title }, { text: ': ' }] : []);
const voiceSuffix = (voice: string | undefined) => (voice ? ` (${voice})` : '');

function writeSection(w: Writer, s: SectionPlan, reason: string | undefined, voices: ReadonlySet<string> | null): void {
  const n = s.node;
  w.heading(1, n.title?.trim() || (n.kind === 'thesis' ? 'Thesis' : 'Claim'));
  w.paragraph(n.text, voiceSuffix(n.voice));
  w.quotation(n);

  if (s.groups.length > 0) {
    w.heading(2, 'Premises');
    w.paragraph(premisesParagraph(s.groups, n));
    // A premise that quotes a passage itself (not through evidence) has it quoted after the paragraph.
    const quoted = new Set<string>();
    for (const g of s.groups)
      for (const p of g.premises)
        if (p.label && p.node.quote && !quoted.has(p.node.id)) {
          quoted.add(p.node.id);
          w.paragraph(`Premise ${p.label} rests on this passage:`);
          w.quotation(p.node);
        }
  }
  if (s.evidence.length > 0) {
    w.heading(2, 'Evidence');
    for (const e of s.evidence) {
      w.paragraph(e.supports ? `For premise ${e.supports}: ` : '', e.node.text, voiceSuffix(e.node.voice !== n.voice ? e.node.voice : undefined));
      w.quotation(e.node);
    }
  }
  if (s.objections.length > 0) {
    w.heading(2, 'Objections and replies');
    for (const o of s.objections) writeObjection(w, o, false);
  }
  if (reason !== undefined) {
    w.heading(2, 'Status');
    const counted = voices === null ? 'every voice counted' : voices.size === 0 ? 'only the author’s statements counted' : `counting the ${[...voices].length === 1 ? 'voice' : 'voices'} of ${list([...voices].map((v) => speaker(v)!.replace(/^The /, 'the ')))}, and the author’s statements`;
    w.paragraph(`Dialectical status (${counted}): `, sentence(reason));
  }
}

/** One paragraph: the claims with sections of their own that support it, then each inference from premises, linked ones said to be linked. */
function premisesParagraph(groups: readonly PremiseGroup[], focus: ArgNode): string {
  const self = focus.kind === 'thesis' ? 'the thesis' : 'the claim';
  const name = (n: ArgNode) => n.title?.trim() || `“${n.text}”`;
  const sections = groups.filter((g) => g.premises.length === 1 && !g.premises[0]!.label).map((g) => name(g.premises[0]!.node));
  const out: string[] = [];
  if (sections.length > 0) out.push(`${list(sections)} ${sections.length === 1 ? 'supports' : 'support'} ${self} (${sections.length === 1 ? 'see its own section' : 'each in its own section'}).`);
  for (const g of groups) {
    const what = g.supports ? `premise ${g.supports}` : self;
    if (g.premises.length === 1) {
      const p = g.premises[0]!;
      if (p.label) out.push(`Premise ${p.label}, which supports ${what}: ${sentence(p.node.text)}`);
      continue;
    }
    const items = g.premises.map((p) => (p.label ? `${p.label} ${sentence(p.node.text)}` : `${name(p.node)} (see its own section).`));
    out.push(`Linked premises, which support ${what} only together: ${items.join(' ')}`);
  }
  return out.join(' ');
}

function writeObjection(w: Writer, o: ObjectionItem, reply: boolean): void {
  const first = o.premises[0];
  const who = speaker(o.relation.voice ?? first?.voice);
  const kind = o.relation.kind;
  const lead = reply
    ? `${who ?? 'A reply'}${who ? ' replies' : ''}${kind === 'undercuts' ? ', questioning the objection’s inference' : ''}`
    : who
      ? `${who} ${VERB[kind]} ${o.target}`
      : `${NOUN[kind]} ${o.target}`;
  const names = o.premises.map((p) => p.title).filter((t): t is string => t !== undefined && t.trim() !== '');
  w.paragraph(`${lead}${names.length > 0 ? ` (${names.join('; ')})` : ''}: `, o.premises.map((p) => sentence(p.text)).join(' '));
  for (const p of o.premises) w.quotation(p);
  for (const s of o.support) {
    w.paragraph(`${s.kind === 'evidence' ? 'In support' : 'Supporting it'}${voiceSuffix(s.voice !== first?.voice ? s.voice : undefined)}: `, s.text);
    w.quotation(s);
  }
  for (const r of o.replies) writeObjection(w, r, true);
}
