// The headings the exporter writes, one per kind of node, and the headings the importer reads as
// the kind of the statements under them (when a statement says nothing of its own kind):
// "# Claims", "## Evidence", "# Objections"…, compared without case.
import { NODE_KIND_LABELS, type NodeKind } from '../../model';

export const KIND_HEADINGS = {
  thesis: 'Thesis',
  claim: 'Claims',
  premise: 'Premises',
  evidence: 'Evidence',
  counter: 'Counter-considerations',
  rebuttal: 'Rebuttals',
  note: 'Notes',
} satisfies Record<NodeKind, string>;

const NAMES = new Map<string, NodeKind>();
for (const [kind, heading] of Object.entries(KIND_HEADINGS) as [NodeKind, string][]) {
  NAMES.set(heading.toLowerCase(), kind);
  NAMES.set(NODE_KIND_LABELS[kind].toLowerCase(), kind);
}
for (const [name, kind] of [
  ['theses', 'thesis'],
  ['counter-consideration', 'counter'],
  ['objection', 'counter'],
  ['objections', 'counter'],
  ['counters', 'counter'],
  ['rebuttal', 'rebuttal'],
  ['replies', 'rebuttal'],
] as const)
  NAMES.set(name, kind);

/** The kind a heading names, if it names one ("Claims", "Evidence", "Objections"). */
export function kindOfHeading(title: string | undefined): NodeKind | undefined {
  return title === undefined ? undefined : NAMES.get(title.trim().toLowerCase());
}

/** The kind a tag names: exactly a kind's name ("#claim", "#evidence", "#counter"). */
export function kindOfTag(tag: string): NodeKind | undefined {
  const t = tag.trim().toLowerCase();
  return (Object.keys(KIND_HEADINGS) as NodeKind[]).find((k) => k === t);
}
