// fast-check generators of valid maps and of operation sequences, shared by the property tests.
import fc from 'fast-check';
import {
  NODE_KINDS,
  RELATION_KINDS,
  TRANSCRIPTION_METHODS,
  type ArgNode,
  type ArgumentMap,
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
]);

/** Fields a later version might add: any JSON, under names this version does not use. */
export const unknownFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !KNOWN.has(k) && k !== '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 2, noNullPrototype: true },
).map((v) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>); // JSON cannot hold -0

export const idArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,6}$/);
// Any Unicode, lone surrogates and U+FFFD included: source text is kept byte-exact.
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\uFFFD Translator’s note', 'withdrawal form', 'a\n b'));
const timestamp = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0); // JSON has no -0

export const mapArb: fc.Arbitrary<ArgumentMap> = fc
  .uniqueArray(idArb, { minLength: 1, maxLength: 24 })
  .chain((ids) => {
    const nSources = Math.min(2, Math.floor(ids.length / 4));
    const sourceIds = ids.slice(0, nSources);
    const nodeIds = ids.slice(nSources, nSources + Math.ceil((ids.length - nSources) / 2));
    const relIds = ids.slice(nSources + nodeIds.length);
    const source = (id: Id): fc.Arbitrary<Source> =>
      fc.record({
        id: fc.constant(id),
        title: text,
        role: fc.constantFrom('primary' as const, 'secondary' as const),
        text: fc.string({ unit: 'binary', maxLength: 200 }),
        metadata: fc.record(
          {
            date: fc.constantFrom('1950-08-27', '1950-08', '1950', '1950-08~', '1950?', '195X', '1949/1950', '1950-08-27/1950-09-02', '1950/..', '-0043'),
            author: text,
            recipient: text,
            place: text,
            language: fc.constantFrom('ru', 'en', 'cs', 'de-AT', 'zh-Latn'),
            bib: unknownFields,
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
        text,
        voice: fc.option(fc.constantFrom('analyst', 'critic', 'translator'), { nil: undefined }),
        quote: sourceIds.length ? fc.option(fc.record({ source: fc.constantFrom(...sourceIds), exact: fc.string({ minLength: 1, maxLength: 20 }), start: fc.nat(500) }, { noNullPrototype: true }), { nil: undefined }) : fc.constant(undefined),
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
            const out: Relation[] = [];
            for (const r of rels) {
              if (r.kind === 'undercuts') {
                if (out.length === 0) continue;
                out.push({ ...r, to: out[out.length - 1]!.id });
              } else {
                const from = r.from.filter((f) => f !== r.to);
                if (from.length) out.push({ ...r, from });
              }
            }
            return out;
          });
    return fc.record({
      title: text,
      authors: fc.array(text, { maxLength: 2 }),
      created: timestamp,
      modified: timestamp,
      sources: fc.tuple(...sourceIds.map(source)),
      nodes: fc.tuple(...nodeIds.map(node)),
      relations,
      positions: fc.tuple(...nodeIds.map(() => fc.option(fc.record({ x: coord, y: coord }, { noNullPrototype: true }), { nil: undefined }))),
      collapsed: fc.subarray(nodeIds),
      top: unknownFields,
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
