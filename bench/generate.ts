// Deterministic, realistic argument maps for the benchmarks: a seminar's merged map or a
// thesis chapter, at any size. The same (size, seed) always gives the same map, byte for byte
// once serialised: a seeded PRNG, no clock, no Math.random.
//
// Shape (what historians' maps look like, scaled up):
//   - theses (one per ~1,000-1,500 nodes), each supported by 5-8 claims; claims have sub-claims
//     three levels deep (grown breadth first), premises (some linked as
//     co-premises: one relation with two or three premises), counter-considerations that oppose,
//     qualify or undercut (attack the inference premise -> claim), rebuttals of counters, notes;
//   - evidence under premises, each quoting a passage of a long primary source (a few hundred KB
//     of protocols built from word lists), anchored with describeQuote; about 2% of quotes differ
//     in whitespace (found only after normalising) and 0.3% are altered (not found: the ⚠ case);
//   - a secondary source (a monograph) quoting the primary sources verbatim, normalised,
//     interpolated, with omissions and altered, so the quotation audit has real work;
//   - cross-links: evidence or premises that also bear on a claim in another branch;
//   - positions: a tidy tree packed into square-ish blocks (leaf children stacked in a column),
//     readable without ELK and without overlaps.
import { describeQuote } from '../arguments/text/anchor';
import type { ArgNode, ArgumentMap, Id, NodeKind, Point, Quote, Relation, RelationKind, Source } from '../arguments/model';

/** The sizes of the full benchmark (2,000 is the typing benchmark's map). */
export const BENCH_SIZES = [100, 1000, 2000, 3000, 10000] as const;
export const DEFAULT_SEED = 20240917;

/** The first thesis: every page shows it at the top of its opening view. */
export const FIRST_THESIS: Id = 'T1';

// ----- PRNG ------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
}

// ----- words -----------------------------------------------------------------------

const ACTORS = [
  'the Minister of Foreign Affairs', 'the delegation', 'the Central Committee', 'the commission on trade', 'the chief of the general staff',
  'the ambassador in Peking', 'the consul in Tientsin', 'the secretariat', 'the people\'s commissar', 'the military attaché',
  'the party committee of the region', 'the trade representative', 'the deputy chairman', 'the envoy', 'the plenipotentiary',
  'the railway administration', 'the Korean delegation', 'the Chinese side', 'the Soviet side', 'the American embassy',
  'the committee of information', 'the naval command', 'the air force command', 'the state planning commission', 'the press department',
];
const VERBS = [
  'proposed', 'rejected', 'postponed', 'approved', 'questioned', 'demanded', 'reported on', 'objected to', 'welcomed', 'revised',
  'drafted', 'circulated', 'withdrew', 'confirmed', 'disputed', 'accepted in principle', 'referred back', 'noted with concern', 'endorsed', 'deferred',
];
const OBJECTS = [
  'the draft resolution on grain deliveries', 'the question of the railway concession', 'the plan for the evacuation of the port',
  'the agreement on credits', 'the telegram of the previous week', 'the schedule of military deliveries', 'the list of specialists',
  'the proposal to recall the delegation', 'the boycott of the Security Council', 'the note of the American government',
  'the report on the situation in the north', 'the terms of the armistice', 'the request for aircraft', 'the statement to the press',
  'the instructions to the delegation', 'the question of prisoners of war', 'the protocol of the previous meeting',
  'the estimate of enemy strength', 'the draft of the treaty', 'the timetable for the withdrawal of troops', 'the supply of fuel',
  'the plan of the spring offensive', 'the budget of the mission', 'the request of the Chinese comrades', 'the position of the British government',
  'the reply to the Indian proposal', 'the exchange of notes', 'the question of Formosa', 'the order on mobilisation', 'the minutes of the conversation',
];
const ADVERBIALS = [
  'without further delay', 'at the request of the secretariat', 'in the presence of the envoy', 'before the end of the month',
  'in view of the situation in the north', 'after a short discussion', 'over the objections of the commission', 'by a unanimous vote',
  'in a closed session', 'on the instructions of Moscow', 'pending further information', 'in the interest of the common cause',
  'at the second reading', 'subject to the approval of the ministry', 'for the third time', 'under the pressure of events',
];
const CLAUSES = [
  'the leadership expected a long war', 'the decision had been taken in advance', 'the delegation acted on its own initiative',
  'the boycott was deliberate', 'the supply lines were overstretched', 'Moscow wished to avoid direct involvement',
  'the armistice talks were a delaying tactic', 'the intelligence estimates were unreliable', 'the allies distrusted each other',
  'the economic burden was underestimated', 'the press campaign was coordinated', 'the offensive was premature',
  'the commission had no real authority', 'the instructions were deliberately vague', 'the Chinese leadership hesitated',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VOICES = ['analyst', 'analyst', 'analyst', 'student', 'instructor', 'editor'];

// ----- sources ---------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

interface BuiltSource {
  source: Source;
  /** Sentence spans: quotable passages. */
  sentences: Span[];
}

function sentence(r: Rand): string {
  const qty = `${r.int(2, 95)},${String(r.int(0, 999)).padStart(3, '0')}`;
  const forms = [
    () => `${cap(r.pick(ACTORS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}.`,
    () => `${cap(r.pick(ACTORS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, and ${r.pick(ACTORS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`,
    () => `It was noted that ${r.pick(CLAUSES)}, since ${r.pick(ACTORS)} had ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`,
    () => `${cap(r.pick(ACTORS))} reported that ${qty} tonnes had been shipped by the ${r.int(2, 28)}th of ${r.pick(MONTHS)}.`,
    () => `In the opinion of ${r.pick(ACTORS)}, ${r.pick(CLAUSES)}; ${r.pick(OBJECTS)} was therefore ${r.pick(VERBS)} ${r.pick(ADVERBIALS)}.`,
  ];
  return r.pick(forms)();
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Builds a source text piece by piece, remembering where its quotable sentences are. */
function textBuilder() {
  const parts: string[] = [];
  const sentences: Span[] = [];
  let length = 0;
  const push = (text: string, quotable: boolean) => {
    if (quotable) sentences.push({ start: length, end: length + text.length });
    parts.push(text);
    length += text.length;
  };
  return { push, parts, sentences, size: () => length };
}

/** A primary source of protocols: numbered meetings, each a paragraph of sentences, about `bytes` long. */
function protocols(r: Rand, id: Id, title: string, bytes: number, year: number): BuiltSource {
  const { push, parts, sentences, size } = textBuilder();
  for (let n = 1; size() < bytes; n++) {
    push(`No. ${n}. Meeting of ${r.int(1, 28)} ${r.pick(MONTHS)} ${year}.\n`, false);
    push(`Present: ${r.pick(ACTORS)}, ${r.pick(ACTORS)}, ${r.pick(ACTORS)}.\n`, false);
    const count = r.int(4, 9);
    for (let i = 0; i < count; i++) {
      push(sentence(r), true);
      push(i === count - 1 ? '\n\n' : ' ', false);
    }
  }
  return {
    source: {
      id,
      title,
      role: 'primary',
      date: String(year),
      text: parts.join(''),
      citation: { asGiven: `AVP RF. F. 0${r.int(100, 999)}, op. ${r.int(1, 60)}, d. ${r.int(1, 400)}, ll. 1–${r.int(40, 400)}.`, archive: 'AVP RF', fond: `0${r.int(100, 999)}`, opis: String(r.int(1, 60)), delo: String(r.int(1, 400)) },
    },
    sentences,
  };
}

/** A quotation of a primary passage as a secondary source writes it. */
function quotation(r: Rand, passage: string): string {
  const words = passage.replace(/[.;]$/, '').split(' ');
  const roll = r.next();
  if (roll < 0.55 || words.length < 6) return passage; // verbatim
  if (roll < 0.7) return words.join('\n'); // line breaks: normalized
  if (roll < 0.82) {
    // an editorial insertion between two words: interpolated
    const at = r.int(1, words.length - 1);
    return [...words.slice(0, at), '[sic]', ...words.slice(at)].join(' ');
  }
  if (roll < 0.92) {
    // an omission: first and last words with an ellipsis between
    const cut = r.int(2, Math.max(2, words.length - 3));
    return `${words.slice(0, cut).join(' ')} … ${words.slice(cut + 2).join(' ')}`;
  }
  // altered: one word changed
  const at = r.int(0, words.length - 1);
  return words.map((w, i) => (i === at ? (w === 'the' ? 'a' : 'its') : w)).join(' ');
}

function monograph(r: Rand, quoted: BuiltSource[], count: number): BuiltSource {
  const { push, parts, sentences } = textBuilder();
  for (let i = 0; i < count; i++) {
    const from = r.pick(quoted);
    const span = r.pick(from.sentences);
    const passage = from.source.text.slice(span.start, span.end);
    push(`${cap(r.pick(CLAUSES))}, as the record shows.`, true);
    push(' ', false);
    push(`The minutes say that “${quotation(r, passage)}”`, false);
    push(' ', false);
    push(`This suggests that ${r.pick(CLAUSES)}.`, true);
    push(i % 3 === 2 ? '\n\n' : ' ', false);
  }
  return {
    source: {
      id: 'monograph',
      title: 'The Cold War in Asia: a documentary study',
      role: 'secondary',
      date: '2011',
      author: 'A. Historian',
      text: parts.join(''),
      quotes: quoted.map((q) => q.source.id),
    },
    sentences,
  };
}

// ----- nodes -----------------------------------------------------------------------

function nodeText(r: Rand, kind: NodeKind): string {
  switch (kind) {
    case 'thesis':
      return `${cap(r.pick(ACTORS))} pursued a deliberate policy: ${r.pick(CLAUSES)}, and ${r.pick(CLAUSES)}.`;
    case 'claim':
      return `${cap(r.pick(CLAUSES))}; ${r.pick(ACTORS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} for that reason.`;
    case 'premise':
      return `${cap(r.pick(ACTORS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}.`;
    case 'evidence':
      return `The protocol records that ${r.pick(ACTORS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    case 'counter':
      return `But ${r.pick(CLAUSES)}: ${r.pick(ACTORS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}.`;
    case 'rebuttal':
      return `That objection fails, since ${r.pick(CLAUSES)}.`;
    case 'note':
      return `Translator's note: "${r.pick(OBJECTS)}" may also be read as ${r.pick(OBJECTS)}.`;
  }
}

interface Builder {
  nodes: Record<Id, ArgNode>;
  relations: Record<Id, Relation>;
  /** Spanning tree for positions: parent -> children in creation order. */
  children: Map<Id, Id[]>;
  count: number;
  target: number;
  nextRelation: number;
  counters: Record<string, number>;
}

const PREFIX: Record<NodeKind, string> = { thesis: 'T', claim: 'C', premise: 'P', evidence: 'E', counter: 'K', rebuttal: 'R', note: 'N' };

/**
 * A map of exactly `nodeCount` nodes (at least 2). Sources are the same at every size (one
 * long primary source of `sourceBytes`, two shorter ones, and the monograph), so what grows
 * with the size is the argument.
 */
export function generateMap(nodeCount: number, seed = DEFAULT_SEED, sourceBytes = 300_000): ArgumentMap {
  if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new RangeError('generateMap: at least 2 nodes');
  // Sources come from their own stream, so they are identical whatever the size.
  const rs = new Rand(prng(seed ^ 0x5eed));
  const primaries = [
    protocols(rs, 'protocols', 'Protocols of the Politburo commission on Asia, 1950–1951', sourceBytes, 1950),
    protocols(rs, 'correspondence', 'Correspondence of the embassy in Peking, 1950', Math.round(sourceBytes / 4), 1950),
    protocols(rs, 'diary', 'Diary of the military attaché, 1951', Math.round(sourceBytes / 8), 1951),
  ];
  const secondary = monograph(rs, primaries.slice(0, 2), 60);
  const weighted = [primaries[0]!, primaries[0]!, primaries[0]!, primaries[0]!, primaries[0]!, primaries[0]!, primaries[0]!, primaries[1]!, primaries[1]!, primaries[2]!];

  const r = new Rand(prng(seed));
  const b: Builder = { nodes: {}, relations: {}, children: new Map(), count: 0, target: nodeCount, nextRelation: 1, counters: {} };

  const add = (kind: NodeKind, parent: Id | null, extra: Partial<ArgNode> = {}): Id | null => {
    if (b.count >= b.target) return null;
    b.count++;
    const n = (b.counters[kind] = (b.counters[kind] ?? 0) + 1);
    const id = `${PREFIX[kind]}${n}`;
    const node: ArgNode = { id, kind, text: nodeText(r, kind), ...extra };
    if (kind === 'counter' && !node.voice) node.voice = 'critic';
    else if (kind === 'note' && !node.voice) node.voice = 'translator';
    else if (!node.voice && r.chance(0.6)) node.voice = r.pick(VOICES);
    b.nodes[id] = node;
    if (parent) {
      const list = b.children.get(parent);
      if (list) list.push(id);
      else b.children.set(parent, [id]);
    }
    return id;
  };
  const relate = (kind: RelationKind, from: Id[], to: Id, voice?: string): Id => {
    const id = `r${b.nextRelation++}`;
    b.relations[id] = voice ? { id, kind, from, to, voice } : { id, kind, from, to };
    return id;
  };

  const evidenceQuote = (): Quote => {
    const src = r.pick(weighted);
    const i = r.int(0, src.sentences.length - 2);
    const first = src.sentences[i]!;
    const last = r.chance(0.3) ? src.sentences[i + 1]! : first;
    const q = describeQuote(src.source.id, src.source.text, first.start, last.end);
    const roll = r.next();
    if (roll < 0.02) {
      // whitespace differs: found only after normalising
      return { ...q, exact: q.exact.replace(' ', '  \n') };
    }
    if (roll < 0.023) {
      // altered: a word the source does not have (not found)
      return { ...q, exact: q.exact.replace(/\bthe\b/, 'a certain') };
    }
    return q;
  };
  const claimQuote = (): Quote => {
    const span = r.pick(secondary.sentences);
    return describeQuote('monograph', secondary.source.text, span.start, span.end);
  };

  let claimNo = 0;
  const evidence = (parent: Id, count: number) => {
    for (let i = 0; i < count; i++) {
      const e = add('evidence', parent, { quote: evidenceQuote() });
      if (!e) return;
      relate('supports', [e], parent);
      if (r.chance(0.04)) {
        const note = add('note', e);
        if (note) relate('qualifies', [note], e);
      }
    }
  };
  const counterOf = (target: Id, supportInto: Id | undefined) => {
    const k = add('counter', target);
    if (!k) return;
    const roll = r.next();
    if (roll < 0.18 && supportInto) relate('undercuts', [k], supportInto, 'critic');
    else relate(roll < 0.33 ? 'qualifies' : 'opposes', [k], target, 'critic');
    if (r.chance(0.35)) evidence(k, 1);
    if (r.chance(0.5)) {
      const rb = add('rebuttal', k);
      if (rb) {
        relate('opposes', [rb], k);
        if (r.chance(0.5)) evidence(rb, 1);
      }
    }
  };

  /** One claim's own argument: premises (some linked) with their evidence, counters, a note. */
  const expandClaim = (claim: Id, depth: number, queue: { id: Id; depth: number }[]) => {
    const subClaims = depth === 1 ? r.int(2, 4) : depth === 2 ? r.int(1, 3) : depth === 3 ? r.int(0, 2) : 0;
    for (let i = 0; i < subClaims; i++) {
      const c = add('claim', claim, { title: `Claim ${++claimNo}`, ...(r.chance(0.1) ? { quote: claimQuote() } : {}) });
      if (!c) return;
      relate('supports', [c], claim);
      queue.push({ id: c, depth: depth + 1 });
    }
    const premises = r.int(1, 3);
    let lastSupport: Id | undefined;
    for (let i = 0; i < premises; i++) {
      if (r.chance(0.25)) {
        // co-premises: one linked inference
        const group: Id[] = [];
        const size = r.chance(0.7) ? 2 : 3;
        for (let j = 0; j < size; j++) {
          const p = add('premise', claim);
          if (p) group.push(p);
        }
        if (group.length === 0) return;
        lastSupport = relate('supports', group, claim);
        for (const p of group) evidence(p, r.int(1, 2));
      } else {
        const p = add('premise', claim);
        if (!p) return;
        lastSupport = relate('supports', [p], claim);
        evidence(p, r.int(1, 3));
        if (r.chance(0.15)) counterOf(p, undefined);
      }
    }
    if (r.chance(0.3)) evidence(claim, 1);
    const counters = r.chance(0.6) ? r.int(1, 2) : 0;
    for (let i = 0; i < counters; i++) counterOf(claim, lastSupport);
    if (r.chance(0.1)) {
      const note = add('note', claim);
      if (note) relate('qualifies', [note], claim);
    }
  };

  // Thesis after thesis (a merged seminar map has several), each breadth first over its claims:
  // every claim gets its argument before sub-claims get theirs.
  for (let t = 1; b.count < b.target; t++) {
    const thesis = add('thesis', null, { title: `Thesis ${t}`, voice: 'analyst' });
    if (!thesis) break;
    const queue: { id: Id; depth: number }[] = [];
    const claims = r.int(5, 8);
    for (let i = 0; i < claims; i++) {
      const c = add('claim', thesis, { title: `Claim ${++claimNo}`, ...(r.chance(0.2) ? { quote: claimQuote() } : {}) });
      if (!c) break;
      relate('supports', [c], thesis);
      queue.push({ id: c, depth: 1 });
    }
    if (r.chance(0.7)) counterOf(thesis, undefined);
    for (let i = 0; i < queue.length && b.count < b.target; i++) expandClaim(queue[i]!.id, queue[i]!.depth, queue);
  }

  // Cross-links: evidence or premises that also bear on a claim in another branch.
  const claims = Object.values(b.nodes).filter((n) => n.kind === 'claim').map((n) => n.id);
  const sources = Object.values(b.nodes).filter((n) => n.kind === 'evidence' || n.kind === 'premise').map((n) => n.id);
  const existing = new Set(Object.values(b.relations).map((rel) => `${rel.kind}|${rel.from.join(',')}|${rel.to}`));
  const links = claims.length > 1 && sources.length > 0 ? Math.round(nodeCount * 0.02) : 0;
  for (let i = 0; i < links; i++) {
    const from = r.pick(sources);
    const to = r.pick(claims);
    const kind: RelationKind = r.chance(0.8) ? 'supports' : 'opposes';
    const key = `${kind}|${from}|${to}`;
    if (existing.has(key)) continue;
    existing.add(key);
    relate(kind, [from], to);
  }

  const positions = layOut(b.children, Object.keys(b.nodes).filter((id) => b.nodes[id]!.kind === 'thesis'));
  const sourcesRecord: Record<Id, Source> = {};
  for (const s of [...primaries, secondary]) sourcesRecord[s.source.id] = s.source;
  return {
    meta: {
      title: `Generated map of ${nodeCount.toLocaleString('en-US')} nodes`,
      authors: ['Argument Atlas benchmark generator'],
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      description: `Seed ${seed}. Deterministic benchmark data; the sources are generated text, not historical documents.`,
    },
    sources: sourcesRecord,
    nodes: b.nodes,
    relations: b.relations,
    view: { positions, collapsed: [] },
  };
}

// ----- positions -------------------------------------------------------------------

/** Column width (a 260 px card and a gap), the drop from a node to its children, stacked leaves. */
const COL = 320;
const ROW = 300;
const STACK = 240;

interface Block {
  w: number;
  h: number;
  items: [Id, number, number][];
}

/**
 * A tidy tree packed into roughly square blocks: a node above its children; children with
 * children of their own are blocks laid side by side and wrapped into rows (a block is about as
 * wide as it is tall), leaf children stacked in one column. Theses side by side. Readable at a
 * glance and free of overlaps; the layout benchmark runs ELK separately.
 */
function layOut(children: ReadonlyMap<Id, Id[]>, roots: Id[]): Record<Id, Point> {
  const sizeOf = new Map<Id, number>();
  const count = (id: Id): number => {
    let n = 1;
    for (const kid of children.get(id) ?? []) n += count(kid);
    sizeOf.set(id, n);
    return n;
  };
  const block = (id: Id): Block => {
    const kids = children.get(id) ?? [];
    if (kids.length === 0) return { w: COL, h: STACK, items: [[id, 0, 0]] };
    const subs: Block[] = [];
    const leaves: Id[] = [];
    for (const kid of kids) {
      if ((children.get(kid)?.length ?? 0) === 0) leaves.push(kid);
      else subs.push(block(kid));
    }
    // Leaves in columns of at most four.
    for (let i = 0; i < leaves.length; i += 4) {
      const column = leaves.slice(i, i + 4);
      subs.push({ w: COL, h: column.length * STACK, items: column.map((leaf, j): [Id, number, number] => [leaf, 0, j * STACK]) });
    }
    // Shelf packing: tallest first, so blocks of a row are of similar height.
    subs.sort((a, b) => b.h - a.h);
    const maxW = Math.max(4 * COL, Math.round(Math.sqrt((sizeOf.get(id) ?? 1) * COL * STACK) / COL) * COL);
    const items: [Id, number, number][] = [];
    let x = 0;
    let y = ROW;
    let rowH = 0;
    let width = COL;
    let firstRow = 0;
    for (const sub of subs) {
      if (x > 0 && x + sub.w > maxW) {
        y += rowH + STACK / 2;
        x = 0;
        rowH = 0;
      }
      for (const [cid, cx, cy] of sub.items) items.push([cid, x + cx, y + cy]);
      x += sub.w;
      rowH = Math.max(rowH, sub.h);
      width = Math.max(width, x);
      if (y === ROW) firstRow = x;
    }
    items.push([id, Math.round((firstRow - COL) / 2 / 10) * 10, 0]);
    return { w: width, h: y + rowH, items };
  };
  const out: Record<Id, Point> = {};
  let x = 0;
  for (const root of roots) {
    count(root);
    const b = block(root);
    for (const [id, bx, by] of b.items) out[id] = { x: x + bx, y: by };
    x += b.w + COL;
  }
  return out;
}

/** Stable numbers for a report: how many of each kind, relations by kind, quotes. */
export function describeMap(map: ArgumentMap): Record<string, number> {
  const out: Record<string, number> = { nodes: 0, relations: 0, quotes: 0, linked: 0 };
  for (const n of Object.values(map.nodes)) {
    out.nodes!++;
    out[n.kind] = (out[n.kind] ?? 0) + 1;
    if (n.quote) out.quotes!++;
  }
  for (const rel of Object.values(map.relations)) {
    out.relations!++;
    out[`rel:${rel.kind}`] = (out[`rel:${rel.kind}`] ?? 0) + 1;
    if (rel.from.length > 1) out.linked!++;
  }
  return out;
}
