// Do two readings of one Argdown file agree? The same statements (titles and canonical texts),
// the same arguments (titles and premise–conclusion structures) and the same relations (type and
// ends). The conformance run compares the import's reading with the JSON Argdown's own CLI wrote.
import type { ArgdownDocument, ArgdownEnd } from './document';

const MAX_DIFFERENCES = 20;

const end = (e: ArgdownEnd) => (e.type === 'inference' ? `inference of <${e.title}> #${e.conclusionIndex}` : e.type === 'argument' ? `<${e.title}>` : `[${e.title}]`);

function multiset(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

function missing(what: string, a: Map<string, number>, b: Map<string, number>, out: string[], whose: [string, string]): void {
  for (const [k, n] of a) {
    const m = b.get(k) ?? 0;
    if (m < n) out.push(`${what} ${k} is in ${whose[0]}${m > 0 ? ` ${n} times, ${m} in ${whose[1]}` : ` but not in ${whose[1]}`}`);
  }
}

/** The differences, in words (empty when the two agree); `names` say whose reading each is. */
export function compareDocuments(a: ArgdownDocument, b: ArgdownDocument, names: [string, string] = ['the first', 'the second']): string[] {
  const out: string[] = [];
  const statements = (d: ArgdownDocument) => multiset(d.statements.map((s) => `[${s.title}]: ${JSON.stringify(s.text.trim())}`));
  const args = (d: ArgdownDocument) => multiset(d.arguments.map((x) => `<${x.title}>: ${x.pcs.map((s) => `${s.role === 'premise' ? 'P' : 'C'}[${s.title}]`).join(' ') || JSON.stringify(x.description.trim())}`));
  const relations = (d: ArgdownDocument) => multiset(d.relations.map((r) => `${end(r.from)} ${r.type} ${end(r.to)}`));
  for (const [what, f] of [['statement', statements], ['argument', args], ['relation', relations]] as const) {
    missing(what, f(a), f(b), out, names);
    missing(what, f(b), f(a), out, [names[1], names[0]]);
  }
  return out.slice(0, MAX_DIFFERENCES);
}
