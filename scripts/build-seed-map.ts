// Authoring script for the shipped map: the analyst's argument about Stalin's letter to
// Gottwald (27 August 1950). Sources are byte-exact slices of the shipped text file (the
// four slices concatenate back to the file); every quote is anchored by locating its exact
// text, so a typo here fails loudly instead of producing an unanchored quote.
// Run: npx tsx scripts/build-seed-map.ts   (writes arguments/maps/stalin-gottwald-1950.argmap.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { describeQuote } from '../arguments/text/anchor';
import type { ArgNode, ArgumentMap, Id, NodeKind, Point, Relation, RelationKind, Source } from '../arguments/model';
import { serializeMap } from '../arguments/format/serialize';
import { estimateCardSize } from '../arguments/layout/cardSize';
import { buildLayoutGraph, positionsFromLayout } from '../arguments/layout/layered';
import ELK from 'elkjs/lib/elk.bundled.js';

const root = new URL('../', import.meta.url);
const full = readFileSync(new URL('arguments/sources/stalin-gottwald-1950.txt', root), 'utf8');

function cut(startMarker: string, endMarker: string | null): string {
  const start = full.indexOf(startMarker);
  const end = endMarker === null ? full.length : full.indexOf(endMarker);
  if (start < 0 || end < 0) throw new Error(`marker not found: ${startMarker} / ${endMarker}`);
  return full.slice(start, end);
}

const sources: Source[] = [
  {
    id: 'article',
    title: 'Letter of Stalin to Klement Gottwald and Origin of the Korean War',
    role: 'secondary',
    text: cut('Letter of Stalin', 'Document\n\nTop Secret'),
    quotes: ['letter'],
  },
  {
    id: 'letter',
    title: 'Stalin to Klement Gottwald, 27 August 1950',
    role: 'primary',
    date: '1950-08-27',
    author: 'I. V. Stalin (signed "Filippov")',
    recipient: 'Klement Gottwald',
    text: cut('Document\n\nTop Secret', 'Document 3:'),
    citation: {
      asGiven: 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72',
      archive: 'RGASPI',
      archiveName: "Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii (Russian State Archive of Socio-Political History)",
      fond: '558',
      opis: '11',
      delo: '62',
      listy: '71–72',
    },
  },
  {
    id: 'cable1949',
    title: 'Stalin to Mao Zedong, 26 October 1949 (cable drafted by Molotov)',
    role: 'primary',
    date: '1949-10-26',
    author: 'I. V. Stalin (signed "Filippov"); drafted by V. M. Molotov',
    text: cut('Document 3:', '\uFFFD Translator'),
    citation: {
      asGiven: 'Arkhiv Prezidenta Rossiiskoy Federatsii[Archive of the President of the Russian Federation, APRF),  APRF, fond.45, opis.1, delo. 332, listy. 47-48.',
      archive: 'APRF',
      archiveName: 'Arkhiv Prezidenta Rossiiskoi Federatsii (Archive of the President of the Russian Federation)',
      fond: '45',
      opis: '1',
      delo: '332',
      listy: '47–48',
    },
  },
  {
    id: 'translator-notes',
    title: "Translator's notes to the letter",
    role: 'secondary',
    text: cut('\uFFFD Translator', null),
  },
];
if (sources.map((s) => s.text).join('') !== full) throw new Error('the source slices do not add up to the file');
const sourceText = new Map(sources.map((s) => [s.id, s.text]));

interface Spec {
  id: Id;
  kind: NodeKind;
  voice: string;
  text: string;
  title?: string;
  /** [source, exact text, which occurrence (1-based, default 1)] */
  quote?: [Id, string, number?];
}

function node(spec: Spec): ArgNode {
  const n: ArgNode = { id: spec.id, kind: spec.kind, text: spec.text, voice: spec.voice };
  if (spec.title) n.title = spec.title;
  if (spec.quote) {
    const [source, exact, occurrence = 1] = spec.quote;
    const text = sourceText.get(source)!;
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`quote not found in ${source}: ${exact}`);
    n.quote = describeQuote(source, text, at, at + exact.length);
  }
  return n;
}

const nodes: ArgNode[] = ([
  // ----- the thesis and the reasons for the absence
  { id: 'T', kind: 'thesis', voice: 'analyst', title: 'Thesis',
    text: "The letter explains the 1950 Soviet absence from the Security Council and reveals Stalin's view of the Korean War and his world strategy.",
    quote: ['article', 'this document not only explains the 1950 Soviet absence in the UNSC, but also reveals in detail Stalin’s thoughts on the Korean War and his world strategy.'] },
  { id: 'P0', kind: 'premise', voice: 'analyst',
    text: "The letter is Stalin's own answer to Gottwald's question why the Soviet Union stayed away from the Security Council, and it gives four reasons." },
  { id: 'E0a', kind: 'evidence', voice: 'analyst', text: 'Stalin answers Gottwald, who had questioned the withdrawal.',
    quote: ['letter', 'We view the Soviet Union’s withdrawal from the Security Council on 27 June and the subsequent events somewhat differently from comrade Gottwald.'] },
  { id: 'E0b', kind: 'evidence', voice: 'analyst', text: 'The four reasons for leaving the Security Council.',
    quote: ['letter', 'We left the Security Council for four reasons: first, to demonstrate solidarity of the Soviet Union towards the new China. Second, to underscore the foolishness and idiocy of the United States policy seeking the appointment of a Guomindang clown as the China’s representative to the Security Council; third, to render the decision of the Security Council unlawful as a result of representatives of two great powers missing;'] },
  { id: 'P0b', kind: 'premise', voice: 'analyst',
    text: 'Stalin treats leaving or returning to the Security Council as a tactical choice that depends on the international situation.' },
  { id: 'E0c', kind: 'evidence', voice: 'analyst', text: 'Leaving or staying depends on the circumstances.',
    quote: ['letter', 'Thus, we cannot say that the “camp of democracy\n has no need to leave the Security Council.” Whether we leave or stay depends on the circumstances.'] },
  { id: 'E0d', kind: 'evidence', voice: 'analyst', text: 'Why the Soviet delegation returned.',
    quote: ['letter', 'We have returned to continue exposing the aggressive policy of American government and to prevent it from using the Security Council as a cover-up for its aggression.'] },
  { id: 'TN2', kind: 'note', voice: 'translator', title: "Translator's note 2",
    text: "“Camp of democracy” is a literal translation of the Russian “lager demokratiyi” (lager' demokratii).",
    quote: ['translator-notes', 'Translation here is literal from lager demokratiyi.'] },

  // ----- claim 1
  { id: 'C1', kind: 'claim', voice: 'analyst', title: 'Claim 1',
    text: 'Stalin not only predicted but actually wanted U.S. intervention in the Korean War.',
    quote: ['article', 'Stalin not only predicted but actually wanted U.S. intervention in the Korean War.'] },
  { id: 'P1a', kind: 'premise', voice: 'analyst',
    text: 'Stalin names giving the American government "a free hand" in the Security Council, to "make more mistakes", as one of his four reasons for the boycott.' },
  { id: 'E1a', kind: 'evidence', voice: 'analyst', text: 'The fourth reason.',
    quote: ['letter', 'fourth, to give American government a free hand to gain the majority vote in the Security Council, make more mistakes, and show its true colors to the public.'] },
  { id: 'P1b', kind: 'premise', voice: 'analyst',
    text: "Stalin says the boycott achieved all its goals, and presents America's entanglement in Korea as their result." },
  { id: 'E1b', kind: 'evidence', voice: 'analyst', text: 'All goals achieved.',
    quote: ['letter', 'I believe that we have achieved all of these goals.'] },
  { id: 'E1c', kind: 'evidence', voice: 'analyst', text: 'America entangled in Korea after the withdrawal.',
    quote: ['letter', 'Following our withdrawal form the Security Council, America has become entangled in the military intervention in Korea and is now wasting away its military prestige and moral authority.'] },
  { id: 'K1', kind: 'counter', voice: 'analyst', title: 'Anti-war mood',
    text: 'Read against the anti-war mood in the U.S. at the time: Stalin probably reckoned the U.S. could not intervene alone, so by abstaining he gave it the moral legitimacy of a Security Council resolution.',
    quote: ['article', 'It is important, however, to consider this statement in the context of the anti-war mood prevailing in the U.S. at the time.'] },
  { id: 'O1', kind: 'counter', voice: 'critic', title: 'Objection: when and to whom',
    text: 'The letter was written on 27 August 1950, two months into the war, to answer an ally who had questioned the policy, and was to be passed on verbally through the ambassador. It justifies the boycott after the event; it cannot show what Stalin intended when the delegation walked out.' },
  { id: 'E1d', kind: 'evidence', voice: 'critic', text: 'A message to be delivered orally by the ambassador.',
    quote: ['letter', 'Please pass on to Gottwald verbally the following message.'] },
  { id: 'O2', kind: 'counter', voice: 'critic', title: 'Objection: the wording',
    text: 'The letter\'s words are narrower than the claim: "a free hand to gain the majority vote in the Security Council, make more mistakes" is about votes in the Council. Nowhere does the letter say Stalin wanted an American military intervention, and "[aggressive]" in the analyst\'s quotation is an editorial insertion.' },

  // ----- claim 2
  { id: 'C2', kind: 'claim', voice: 'analyst', title: 'Claim 2',
    text: "Stalin judged the results of the Korean War positively: with the United States diverted from Europe, the global balance of power shifted in the Soviet Union's favour.",
    quote: ['article', 'Stalin positively evaluated the results generated by the Korean War'] },
  { id: 'E2a', kind: 'evidence', voice: 'analyst', text: 'The United States diverted: an advantage in the global balance of power.',
    quote: ['letter', 'Besides, it is clear that the United States of America is presently diverted from Europe and the Far East. Does it not give us an advantage in the global balance of power? It surely does.'] },
  { id: 'C2a', kind: 'claim', voice: 'analyst', title: 'Claim 2a: Europe first',
    text: 'Europe was the top priority of Soviet strategy: the war gave the socialist camp time to rest and strengthen socialism in Europe while it drew American interests and resources away from that continent.',
    quote: ['article', 'Europe was the top priority in the Soviet Union’s international strategy'] },
  { id: 'E2b', kind: 'evidence', voice: 'analyst', text: 'Time to strengthen socialism in Europe.',
    quote: ['letter', 'Therefore, the third world war would be postponed for an unspecified period, giving enough time to strengthen socialism in Europe.'] },
  { id: 'O3', kind: 'counter', voice: 'critic', title: 'Objection: no ranking',
    text: 'The letter says America is diverted "from Europe and the Far East" alike; it does not rank Europe first. "Top priority" is the analyst\'s inference, not the letter\'s statement.' },

  // ----- claim 3
  { id: 'C3', kind: 'claim', voice: 'analyst', title: 'Claim 3',
    text: "China's intervention in the Korean War was not of its own volition but ultimately rested on Stalin's decisions.",
    quote: ['article', 'China’s intervention in the Korean conflict was not a matter of its own volition but ultimately rested on Stalin’s decisions.'] },
  { id: 'P3a', kind: 'premise', voice: 'analyst',
    text: 'In August 1950, while North Korea still had the upper hand, Stalin already treated a Chinese entry into the war as the expected course.' },
  { id: 'E3a', kind: 'evidence', voice: 'analyst', text: 'China "pulled into the struggle".',
    quote: ['letter', 'Let us suppose that American government will continue to be involved in the Far East and will also pull China into the struggle for the liberation of Korea and its own independence.'] },
  { id: 'O4', kind: 'counter', voice: 'critic', title: 'Objection: who pulls China in',
    text: 'In the letter it is the American government that would "pull China into the struggle", and only as a supposition ("Let us suppose"); the analyst\'s quotation "pulled into the struggle" drops that subject. Foreseeing a Chinese entry is not deciding it: the letter cannot show that Stalin, not Mao, decided China\'s intervention.' },
  { id: 'O5', kind: 'counter', voice: 'critic', title: 'Objection: the 1949 cable',
    text: 'In October 1949 Stalin, agreeing with Mao, advised that the Korean People\'s Army should not attack. What the letter of August 1950 says about gains from the war reads as a judgement after the event, not as proof that the war, or China\'s part in it, followed Stalin\'s plan.' },
  { id: 'E5', kind: 'evidence', voice: 'critic', text: 'Stalin, agreeing with Mao, advises that the KPA should not attack.',
    quote: ['cable1949', 'We agree with your view. At present, the Korean troops should not launch any assaults. We have also already advised to our Korean friends that the KPA cannot engage in an assault on the South.'] },
  { id: 'C3a', kind: 'claim', voice: 'analyst', title: 'Claim 3a: no rapprochement',
    text: "Another of Stalin's goals in the war was to bring the U.S. and China into military conflict, dispelling the specter of a Sino-American rapprochement.",
    quote: ['article', 'another of Stalin’s major goals in the Korean War was to lead the U.S. and China into military conflict, thereby dispelling the specter of Sino-U.S rapprochement.'] },
  { id: 'E3b', kind: 'evidence', voice: 'analyst', text: 'America would break its neck against China.',
    quote: ['letter', 'First, America, just like any other state, cannot deal with China, a country with such large military capacity. It turns out that America would break its neck in this struggle.'] },
  { id: 'E3c', kind: 'evidence', voice: 'analyst', text: 'A war between America and China, too, is counted as a gain.',
    quote: ['letter', 'Does it not give us an advantage in the global balance of power? It surely does.', 2] },
  { id: 'O6', kind: 'counter', voice: 'critic', title: 'Objection: rapprochement unmentioned',
    text: 'The letter never mentions a Sino-American rapprochement; it speaks of America "breaking its neck" and of revolution in the Far East. The rapprochement motive is the analyst\'s, not the letter\'s.' },

  // ----- claim 4
  { id: 'C4', kind: 'claim', voice: 'analyst', title: 'Claim 4',
    text: "The letter confirms Stalin's belief that a third world war was inevitable, and shows that the Korean War gave the Soviet camp the advantage of postponing it.",
    quote: ['article', "The document verifies again Stalin's belief in the inevitability of a third world war."] },
  { id: 'P4a', kind: 'premise', voice: 'analyst',
    text: 'Unable to compete economically with U.S. measures in Europe, the Soviet Union needed time to recover and to strengthen the socialist camp before a third world war.',
    quote: ['article', 'desperately needed time to recover its economy and strengthen the socialist camp to prepare for the third world war.'] },
  { id: 'E4a', kind: 'evidence', voice: 'analyst', text: 'America would not be in a position to partake; the third world war postponed.',
    quote: ['letter', 'Second, having failed in this respect, America would not be in a position to partake in a third world war.\n Therefore, the third world war would be postponed for an unspecified period'] },
  { id: 'TN1', kind: 'counter', voice: 'translator', title: "Translator's note 1",
    text: 'The sentence is ambiguous for lack of a precise verb: America would not be prepared for a third world war, would not be ready to trigger one, or would not favour its beginning.',
    quote: ['translator-notes', 'The author’s intention is ambiguous in this sentence for lack of a precise verb.'] },
  { id: 'O7', kind: 'counter', voice: 'critic', title: 'Objection: a supposition',
    text: '"Postponed for an unspecified period" presumes a future war, but it ends a chain of suppositions ("Let us suppose … What could come out of this?"). It shows Stalin reasoning through a hypothetical, not a verified belief that the war was inevitable.' },
  { id: 'O8', kind: 'counter', voice: 'critic', title: 'Objection: which absence?',
    text: 'The letter dates the withdrawal "on 27 June", while the analyst speaks of a withdrawal in January 1950 and an absence in July. The text alone does not settle which absence the four reasons explain, nor whether they were the motives in January.' },
] satisfies Spec[]).map(node);

type R = [Id, RelationKind, Id[], Id, string?];
const rel = ([id, kind, from, to, voice]: R): Relation => ({ id, kind, from, to, voice: voice ?? 'analyst' });
const relations: Relation[] = ([
  ['r.P0.T', 'supports', ['P0'], 'T'],
  ['r.P0b.T', 'supports', ['P0b'], 'T'],
  ['r.C1.T', 'supports', ['C1'], 'T'],
  ['r.C2.T', 'supports', ['C2'], 'T'],
  ['r.C3.T', 'supports', ['C3'], 'T'],
  ['r.C4.T', 'supports', ['C4'], 'T'],
  ['r.E0a.P0', 'supports', ['E0a'], 'P0'],
  ['r.E0b.P0', 'supports', ['E0b'], 'P0'],
  ['r.E0c.P0b', 'supports', ['E0c'], 'P0b'],
  ['r.E0d.P0b', 'supports', ['E0d'], 'P0b'],
  ['r.TN2.E0c', 'qualifies', ['TN2'], 'E0c', 'translator'],
  ['r.O8', 'undercuts', ['O8'], 'r.P0.T', 'critic'],
  ['r.E0a.O8', 'supports', ['E0a'], 'O8', 'critic'],
  // claim 1: two co-premises, one inference
  ['r.P1.C1', 'supports', ['P1a', 'P1b'], 'C1'],
  ['r.E1a.P1a', 'supports', ['E1a'], 'P1a'],
  ['r.E1b.P1b', 'supports', ['E1b'], 'P1b'],
  ['r.E1c.P1b', 'supports', ['E1c'], 'P1b'],
  ['r.K1.C1', 'qualifies', ['K1'], 'C1'],
  ['r.O1', 'undercuts', ['O1'], 'r.P1.C1', 'critic'],
  ['r.E0a.O1', 'supports', ['E0a'], 'O1', 'critic'],
  ['r.E1d.O1', 'supports', ['E1d'], 'O1', 'critic'],
  ['r.O2', 'undercuts', ['O2'], 'r.E1a.P1a', 'critic'],
  // claim 2
  ['r.E2a.C2', 'supports', ['E2a'], 'C2'],
  ['r.C2a.C2', 'supports', ['C2a'], 'C2'],
  ['r.E2b.C2a', 'supports', ['E2b'], 'C2a'],
  ['r.O3', 'opposes', ['O3'], 'C2a', 'critic'],
  // claim 3
  ['r.P3a.C3', 'supports', ['P3a'], 'C3'],
  ['r.E3a.P3a', 'supports', ['E3a'], 'P3a'],
  ['r.O4', 'undercuts', ['O4'], 'r.P3a.C3', 'critic'],
  ['r.O5', 'opposes', ['O5'], 'C3', 'critic'],
  ['r.E5.O5', 'supports', ['E5'], 'O5', 'critic'],
  ['r.C3a.C3', 'supports', ['C3a'], 'C3'],
  ['r.E3b.C3a', 'supports', ['E3b'], 'C3a'],
  ['r.E3c.C3a', 'supports', ['E3c'], 'C3a'],
  ['r.O6', 'opposes', ['O6'], 'C3a', 'critic'],
  // claim 4
  ['r.P4a.C4', 'supports', ['P4a'], 'C4'],
  ['r.E4a.C4', 'supports', ['E4a'], 'C4'],
  ['r.E2b.P4a', 'supports', ['E2b'], 'P4a'],
  ['r.TN1', 'undercuts', ['TN1'], 'r.E4a.C4', 'translator'],
  ['r.O7', 'opposes', ['O7'], 'C4', 'critic'],
] as R[]).map(rel);

// The first layout is ELK's layered layout (the editor's Auto-layout), with the cards' sizes
// estimated the way new cards are placed (arguments/layout/cardSize.ts).
const draft: ArgumentMap = {
  meta: { title: '', authors: [], created: '', modified: '' },
  sources: {},
  nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  relations: Object.fromEntries(relations.map((r) => [r.id, r])),
  view: { positions: {}, collapsed: [] },
};
const sizes = Object.fromEntries(nodes.map((n) => [n.id, estimateCardSize(n, Object.fromEntries(sources.map((s) => [s.id, s])))]));
const positions: Record<Id, Point> = positionsFromLayout(await new ELK().layout(buildLayoutGraph(draft, sizes)));

const now = '2026-11-26T12:00:00Z';
const map: ArgumentMap = {
  meta: {
    title: "Stalin's letter to Gottwald, 27 August 1950: the analyst's argument",
    authors: ['Argument Atlas'],
    created: now,
    modified: now,
    description:
      "The analyst's reading of Stalin's letter to Klement Gottwald (27 August 1950) on the Soviet boycott of the UN Security Council and the Korean War: thesis, four claims, their premises and quoted evidence, with the analyst's own caveat, the translator's notes, the 1949 cable and a critic's objections.",
  },
  sources: Object.fromEntries(sources.map((s) => [s.id, s])),
  nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  relations: Object.fromEntries(relations.map((r) => [r.id, r])),
  view: { positions, collapsed: [] },
};

writeFileSync(new URL('arguments/maps/stalin-gottwald-1950.argmap.json', root), serializeMap(map));
console.log(`wrote ${nodes.length} nodes, ${relations.length} relations, ${sources.length} sources`);
