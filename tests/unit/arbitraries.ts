// fast-check generators of valid maps and of operation sequences, shared by the property tests.
import fc from 'fast-check';
import { judgedKind, VERDICTS, type SavedEvaluation } from '../../arguments/analysis/evaluation';
import { relationKey } from '../../arguments/format/references';
import { savedBytesBound } from '../../arguments/format/size';
import { MAX_COORDINATE, MAX_FILE_BYTES, MAX_NESTING_DEPTH, RESERVED_KEY, STRING_LIMITS } from '../../arguments/limits';
import {
  NODE_KINDS,
  RELATION_KINDS,
  TRANSCRIPTION_METHODS,
  type ArgNode,
  type ArgumentMap,
  type CommentThread,
  type Id,
  type Relation,
  type Source,
} from '../../arguments/model';

const KNOWN = new Set([
  'format', 'version', 'meta', 'sources', 'nodes', 'relations', 'view', 'id', 'kind', 'text', 'title', 'voice', 'quote',
  'from', 'to', 'role', 'date', 'author', 'citation', 'quotes', 'positions', 'collapsed', 'x', 'y', 'source', 'exact',
  'prefix', 'suffix', 'start', 'authors', 'created', 'modified', 'description', 'unknown', 'asGiven', 'archive',
  'archiveName', 'fond', 'opis', 'delo', 'listy', 'fields', 'recipient', 'place', 'language', 'bib', 'transcription',
  'page', 'method', 'file', 'checked',
  // the layers of version 2
  'evaluations', 'comments', 'target', 'by', 'verdict', 'reason', 'resolved', 'detached', 'name', 'messages', 'at', 'edited',
]);

/** JSON with every "__proto__" key left out: the loader refuses them (arguments/limits.ts: RESERVED_KEY). */
function withoutReservedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutReservedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== RESERVED_KEY).map(([k, c]) => [k, withoutReservedKeys(c)]));
}

/** A value `depth` objects and lists deep (1: an empty list or object). */
function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let d = 0; d < depth; d++) v = d % 2 ? [v] : { [`l${d}`]: v };
  return v;
}

/**
 * Fields a later version might add: any JSON, under names this version does not use. `room` is
 * how many levels of nesting the limit leaves below the object they are added to; sometimes one
 * of them uses all of it.
 */
export const unknownFieldsWithin = (room: number) =>
  fc
    .tuple(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !KNOWN.has(k) && k !== RESERVED_KEY), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2, noNullPrototype: true }),
      fc.option(fc.integer({ min: 1, max: room }), { nil: undefined, freq: 8 }),
    )
    .map(([fields, deep]) => {
      const out = JSON.parse(JSON.stringify(withoutReservedKeys(fields))) as Record<string, unknown>; // JSON cannot hold -0
      if (deep !== undefined) out.deepField = nested(deep, 'bottom');
      return out;
    });

/** Unknown fields of a record that is a list item of the file (a node, relation or source: depth 3). */
export const unknownFields = unknownFieldsWithin(MAX_NESTING_DEPTH - 3);

/** Ids, including the names of Object.prototype (a record keyed by id must not find those). */
export const idArb = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,6}$/) },
  { weight: 2, arbitrary: fc.constantFrom('toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'prototype') },
);
const timestamp = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
/** Positions anywhere the limit allows, its edges included. */
const coord = fc
  .oneof(
    { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.double({ min: -MAX_COORDINATE, max: MAX_COORDINATE, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(MAX_COORDINATE, -MAX_COORDINATE, 1e-300, -5e-324) },
  )
  .map((v) => v + 0); // JSON has no -0

export interface MapArbOptions {
  /** Strings up to the limits of arguments/limits.ts (slow to save and draw: use few runs). */
  long?: boolean;
}

/** A string of exactly `n` characters (perhaps a lone surrogate at the cut), made by repeating a short one. */
const ofLength = (max: number) =>
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.integer({ min: Math.max(0, max - 64), max })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

export function mapArbitrary(options: MapArbOptions = {}): fc.Arbitrary<ArgumentMap> {
  // With the layers of version 2: every map the loader gives has them (empty or not).
  const maps = generateMaps(options).chain((map) => layersArbitrary(map).map((layers) => ({ ...map, ...layers })));
  // Long texts of wide characters can make a file larger than the loader opens (as the source
  // operations refuse to): those are not maps the loader accepts.
  return options.long ? maps.filter((m) => savedBytesBound(m) <= MAX_FILE_BYTES) : maps;
}

function generateMaps(options: MapArbOptions): fc.Arbitrary<ArgumentMap> {
  // Any Unicode, lone surrogates and U+FFFD included: source text is kept byte-exact.
  const short = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\uFFFD Translator’s note', 'withdrawal form', 'a\n b'));
  const upTo = (limit: { max: number }) => (options.long ? fc.oneof({ weight: 4, arbitrary: short }, { weight: 1, arbitrary: ofLength(limit.max) }) : short);
  const text = upTo(STRING_LIMITS.field);
  const title = upTo(STRING_LIMITS.title);
  const nodeText = upTo(STRING_LIMITS.nodeText);
  const sourceText = options.long
    ? fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) }, { weight: 1, arbitrary: ofLength(STRING_LIMITS.sourceText.max) })
    : fc.string({ unit: 'binary', maxLength: 200 });
  const exact = options.long ? fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }, { weight: 1, arbitrary: ofLength(STRING_LIMITS.quote.max) }) : fc.string({ minLength: 1, maxLength: 20 });
  return fc
  .uniqueArray(idArb, { minLength: 1, maxLength: 24 })
  .chain((ids) => {
    const nSources = Math.min(2, Math.floor(ids.length / 4));
    const sourceIds = ids.slice(0, nSources);
    const nodeIds = ids.slice(nSources, nSources + Math.ceil((ids.length - nSources) / 2));
    const relIds = ids.slice(nSources + nodeIds.length);
    const source = (id: Id): fc.Arbitrary<Source> =>
      fc.record({
        id: fc.constant(id),
        title,
        role: fc.constantFrom('primary' as const, 'secondary' as const),
        text: sourceText,
        metadata: fc.record(
          {
            date: fc.constantFrom('1950-08-27', '1950-08', '1950', '1950-08~', '1950?', '195X', '1949/1950', '1950-08-27/1950-09-02', '1950/..', '-0043'),
            author: text,
            recipient: text,
            place: text,
            language: fc.constantFrom('ru', 'en', 'cs', 'de-AT', 'zh-Latn'),
            bib: unknownFieldsWithin(MAX_NESTING_DEPTH - 4),
            transcription: fc.record({ method: fc.constantFrom(...TRANSCRIPTION_METHODS), file: text, checked: fc.boolean() }, { requiredKeys: ['method'], noNullPrototype: true }),
          },
          { requiredKeys: [], noNullPrototype: true },
        ),
        extra: unknownFields,
      }).map(({ extra, metadata, ...s }) => ({ ...extra, ...metadata, ...s }));
    const node = (id: Id): fc.Arbitrary<ArgNode> =>
      fc.record({
        id: fc.constant(id),
        kind: fc.constantFrom(...NODE_KINDS),
        text: nodeText,
        voice: fc.option(fc.constantFrom('analyst', 'critic', 'translator'), { nil: undefined }),
        quote: sourceIds.length ? fc.option(fc.record({ source: fc.constantFrom(...sourceIds), exact, start: fc.nat(500) }, { noNullPrototype: true }), { nil: undefined }) : fc.constant(undefined),
        extra: unknownFields,
      }).map(({ extra, voice, quote, ...n }) => ({ ...extra, ...n, ...(voice ? { voice } : {}), ...(quote ? { quote } : {}) }));
    const relations: fc.Arbitrary<Relation[]> =
      nodeIds.length < 2
        ? fc.constant([])
        : fc.tuple(...relIds.map((id) => fc.record({
            id: fc.constant(id),
            kind: fc.constantFrom(...RELATION_KINDS),
            from: fc.uniqueArray(fc.constantFrom(...nodeIds), { minLength: 1, maxLength: 3 }),
            to: fc.constantFrom(...nodeIds),
          }))).map((rels) => {
            // Make each relation valid: undercuts attack an earlier relation, others a node not among the premises.
            // A map never holds the same relation twice (same kind, target and premises).
            const out: Relation[] = [];
            const seen = new Set<string>();
            const push = (r: Relation) => {
              const key = relationKey(r);
              if (!seen.has(key)) out.push(r);
              seen.add(key);
            };
            for (const r of rels) {
              if (r.kind === 'undercuts') {
                if (out.length === 0) continue;
                push({ ...r, to: out[out.length - 1]!.id });
              } else {
                const from = r.from.filter((f) => f !== r.to);
                if (from.length) push({ ...r, from });
              }
            }
            return out;
          });
    return fc.record({
      title,
      authors: fc.array(text, { maxLength: 2 }),
      created: timestamp,
      modified: timestamp,
      sources: fc.tuple(...sourceIds.map(source)),
      nodes: fc.tuple(...nodeIds.map(node)),
      relations,
      positions: fc.tuple(...nodeIds.map(() => fc.option(fc.record({ x: coord, y: coord }, { noNullPrototype: true }), { nil: undefined }))),
      collapsed: fc.subarray(nodeIds),
      top: unknownFieldsWithin(MAX_NESTING_DEPTH - 1),
    }).map((g): ArgumentMap => {
      const positions: ArgumentMap['view']['positions'] = {};
      g.positions.forEach((p, i) => { if (p) positions[nodeIds[i]!] = p; });
      const map: ArgumentMap = {
        meta: { title: g.title, authors: g.authors, created: g.created, modified: g.modified },
        sources: Object.fromEntries(g.sources.map((s) => [s.id, s])),
        nodes: Object.fromEntries(g.nodes.map((n) => [n.id, n])),
        relations: Object.fromEntries(g.relations.map((r) => [r.id, r])),
        view: { positions, collapsed: g.collapsed },
      };
      if (Object.keys(g.top).length) map.unknown = g.top;
      return map;
    });
  });
}

export const mapArb: fc.Arbitrary<ArgumentMap> = mapArbitrary();

/** Comment texts a hostile or careless hand might write: they must stay text. */
export const HOSTILE_TEXTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\u202eevil\u202c', '"}, "version": 9, "x": {"', '&lt;&amp;', 'line\nbreak'] as const;

/**
 * The layers of version 2 for a map: evaluations that fit their targets (one per target and
 * judge), and comment threads on its nodes and relations or detached from deleted ones, with
 * hostile texts among the ordinary. Ids include names of Object.prototype.
 */
export function layersArbitrary(map: ArgumentMap): fc.Arbitrary<Pick<ArgumentMap, 'evaluations' | 'comments'>> {
  const judgeable = [...Object.keys(map.nodes), ...Object.keys(map.relations)].filter((id) => typeof judgedKind(map, id) === 'string');
  const discussable = [...Object.keys(map.nodes), ...Object.keys(map.relations)];
  const voice = fc.constantFrom('analyst', 'critic', 'student', 'constructor');
  const stamp = fc.constantFrom('2026-11-27T09:00:00Z', '2026-11-30T08:00:00.000Z');
  const words = fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== '') }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) });
  const evaluation = judgeable.length
    ? fc
        .record({ target: fc.constantFrom(...judgeable), by: voice, pick: fc.nat(2), reason: fc.option(words, { nil: undefined }), at: fc.option(stamp, { nil: undefined }) }, { noNullPrototype: true })
        .map(({ target, by, pick, reason, at }) => {
          const verdict = VERDICTS[judgedKind(map, target) as keyof typeof VERDICTS][pick]!;
          return { target, by, verdict, ...(reason ? { reason } : {}), ...(at ? { at } : {}) };
        })
    : null;
  const evaluations = evaluation
    ? fc.uniqueArray(evaluation, { maxLength: 6, selector: (e) => `${e.target}\n${e.by}` }).chain((es) =>
        fc.uniqueArray(idArb, { minLength: es.length, maxLength: es.length }).map((ids) => Object.fromEntries(es.map((e, i): [Id, SavedEvaluation] => [ids[i]!, { ...e, id: ids[i]! } as SavedEvaluation]))),
      )
    : fc.constant({});
  const message = fc.record({ author: voice, at: stamp, text: words }, { noNullPrototype: true });
  const thread = fc.record(
    {
      // A thread on something deleted keeps what it was on (detached).
      on: discussable.length ? fc.option(fc.constantFrom(...discussable), { nil: undefined, freq: 4 }) : fc.constant(undefined),
      resolved: fc.boolean(),
      messages: fc.array(message, { minLength: 1, maxLength: 3 }),
    },
    { noNullPrototype: true },
  );
  const comments = fc.array(thread, { maxLength: 3 }).chain((ts) =>
    fc.uniqueArray(idArb, { minLength: ts.length, maxLength: ts.length }).map((ids) =>
      Object.fromEntries(
        ts.map((t, i): [Id, CommentThread] => {
          const messages = t.messages.map((m, k) => ({ id: `m${k + 1}`, ...m }));
          const base = { id: ids[i]!, resolved: t.resolved, messages };
          return [ids[i]!, t.on !== undefined ? { ...base, target: t.on } : { ...base, target: 'gone-node', detached: { kind: 'claim', name: 'A claim that was deleted.' } }];
        }),
      ),
    ),
  );
  return fc.record({ evaluations, comments }, { noNullPrototype: true });
}

/**
 * The first place where two values differ as data (own keys, keys set to undefined included,
 * Object.is for the rest), or null. toStrictEqual cannot compare maps with a node "constructor":
 * it takes that node for the objects' class.
 */
export function dataDifference(a: unknown, b: unknown, path = ''): string | null {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? null : `${path || 'the value'}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: a list and an object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const missing = ka.find((k) => !Object.hasOwn(b, k)) ?? kb.find((k) => !Object.hasOwn(a, k));
  if (missing !== undefined) return `${path}.${missing}: present on one side only`;
  for (const k of ka) {
    const d = dataDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
