// An Argdown document as this project reads it: its statements (equivalence classes), its
// arguments with their premise–conclusion structures, its relations and its headings. Built
// from the model @argdown/core makes in memory, and from the JSON Argdown's own CLI writes
// (`argdown json`): the conformance run checks that the two agree, so the import reads what
// Argdown itself reads.

export const ARGDOWN_RELATION_TYPES = ['support', 'attack', 'undercut', 'contrary', 'contradictory', 'entails'] as const;
export type ArgdownRelationType = (typeof ARGDOWN_RELATION_TYPES)[number];

export interface ArgdownEnd {
  type: 'statement' | 'argument' | 'inference';
  /** The statement's or argument's title; for an inference, the title of its argument. */
  title: string;
  /** For an inference: the index, in its argument's PCS, of the conclusion it draws. */
  conclusionIndex?: number;
}

export interface ArgdownRelation {
  type: ArgdownRelationType;
  from: ArgdownEnd;
  to: ArgdownEnd;
}

export interface ArgdownStatement {
  title: string;
  /** The canonical formulation (Argdown's: the last one defined, unless one says isCanonical). */
  text: string;
  /** Other formulations given under the same title. */
  formulations: string[];
  tags: string[];
  data?: Record<string, unknown>;
  /** The title of the heading it stands under. */
  section?: string;
  line?: number;
}

export interface ArgdownStep {
  title: string;
  role: 'premise' | 'intermediary-conclusion' | 'main-conclusion';
  inference?: { rules: string[]; data?: Record<string, unknown> };
}

export interface ArgdownArgument {
  title: string;
  description: string;
  tags: string[];
  data?: Record<string, unknown>;
  pcs: ArgdownStep[];
  section?: string;
  line?: number;
}

export interface ArgdownSection {
  title: string;
  level: number;
}

export interface ArgdownDocument {
  frontMatter?: Record<string, unknown>;
  statements: ArgdownStatement[];
  arguments: ArgdownArgument[];
  relations: ArgdownRelation[];
  sections: ArgdownSection[];
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const isRelationType = (v: unknown): v is ArgdownRelationType => (ARGDOWN_RELATION_TYPES as readonly unknown[]).includes(v);
const ROLES = ['premise', 'intermediary-conclusion', 'main-conclusion'] as const;
const isRole = (v: unknown): v is ArgdownStep['role'] => (ROLES as readonly unknown[]).includes(v);

/** Argdown's canonical member: the last defined (not a reference) one, or one whose data says isCanonical. */
function canonical(members: unknown): { text: string; others: string[]; line?: number } {
  const list = Array.isArray(members) ? members.filter(isObject) : [];
  const defined = list.filter((m) => m.isReference !== true);
  let chosen: Loose | undefined;
  for (let i = defined.length - 1; i >= 0 && !chosen; i--) if (isObject(defined[i]!.data) && (defined[i]!.data as Loose).isCanonical) chosen = defined[i];
  chosen ??= defined[defined.length - 1];
  const text = str(chosen?.text) ?? '';
  const others = [...new Set(defined.map((m) => str(m.text) ?? '').filter((t) => t.trim() !== '' && t !== text))];
  return { text, others, line: int(list[0]?.startLine) };
}

function flattenSections(list: unknown, out: (ArgdownSection & { id: string })[] = []): (ArgdownSection & { id: string })[] {
  if (!Array.isArray(list)) return out;
  for (const s of list) {
    if (!isObject(s)) continue;
    out.push({ id: str(s.id) ?? '', title: str(s.title) ?? '', level: int(s.level) ?? 1 });
    flattenSections(s.children, out);
  }
  return out;
}

/** The section's title: the live model links the section object, the JSON its id. */
function sectionTitle(section: unknown, byId: Map<string, string>): string | undefined {
  if (isObject(section)) return str(section.title);
  if (typeof section === 'string') return byId.get(section);
  return undefined;
}

function statementOf(title: string, ec: Loose, sections: Map<string, string>): ArgdownStatement {
  const { text, others, line } = canonical(ec.members);
  return {
    title,
    text,
    formulations: others,
    tags: strings(ec.tags),
    ...(isObject(ec.data) ? { data: ec.data } : {}),
    ...(sectionTitle(ec.section, sections) !== undefined ? { section: sectionTitle(ec.section, sections) } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

function argumentOf(title: string, a: Loose, sections: Map<string, string>): ArgdownArgument {
  const { text, line } = canonical(a.members);
  const pcs: ArgdownStep[] = [];
  for (const s of Array.isArray(a.pcs) ? a.pcs : []) {
    if (!isObject(s) || !isRole(s.role)) continue;
    const inf = isObject(s.inference) ? s.inference : undefined;
    pcs.push({
      title: str(s.title) ?? '',
      role: s.role,
      ...(inf ? { inference: { rules: strings(inf.inferenceRules), ...(isObject(inf.data) ? { data: inf.data } : {}) } } : {}),
    });
  }
  return {
    title,
    description: text,
    tags: strings(a.tags),
    ...(isObject(a.data) ? { data: a.data } : {}),
    pcs,
    ...(sectionTitle(a.section, sections) !== undefined ? { section: sectionTitle(a.section, sections) } : {}),
    ...(line !== undefined || int(a.startLine) !== undefined ? { line: line ?? int(a.startLine) } : {}),
  };
}

function build(response: Loose, end: (x: unknown, typeOf: unknown) => ArgdownEnd | undefined): ArgdownDocument {
  const sections = flattenSections(response.sections);
  const byId = new Map(sections.map((s) => [s.id, s.title]));
  const statements = Object.entries(isObject(response.statements) ? response.statements : {})
    .filter(([, ec]) => isObject(ec))
    .map(([title, ec]) => statementOf(title, ec as Loose, byId));
  const args = Object.entries(isObject(response.arguments) ? response.arguments : {})
    .filter(([, a]) => isObject(a))
    .map(([title, a]) => argumentOf(title, a as Loose, byId));
  const relations: ArgdownRelation[] = [];
  for (const r of Array.isArray(response.relations) ? response.relations : []) {
    if (!isObject(r) || !isRelationType(r.relationType)) continue;
    const from = end(r.from, r.fromType);
    const to = end(r.to, r.toType);
    if (from && to) relations.push({ type: r.relationType, from, to });
  }
  return {
    ...(isObject(response.frontMatter) ? { frontMatter: response.frontMatter } : {}),
    statements,
    arguments: args,
    relations,
    sections: sections.map(({ title, level }) => ({ title, level })),
  };
}

const END_TYPES: Record<string, ArgdownEnd['type']> = { 'equivalence-class': 'statement', argument: 'argument', inference: 'inference' };

/** From the model @argdown/core built in memory (the response of its ModelPlugin). */
export function documentFromModel(response: object): ArgdownDocument {
  return build(response as Loose, (x) => {
    if (!isObject(x)) return undefined;
    const type = END_TYPES[str(x.type) ?? ''];
    if (type === 'inference') return { type, title: str(x.argumentTitle) ?? '', conclusionIndex: int(x.conclusionIndex) ?? -1 };
    return type ? { type, title: str(x.title) ?? '' } : undefined;
  });
}

/**
 * From the JSON `argdown json` writes. It names a relation's ends by title and type; an
 * inference has no title there, so an undercut of one is found under the inference it is
 * listed with, in its argument's PCS.
 */
export function documentFromJson(json: unknown): ArgdownDocument {
  const root = isObject(json) ? json : {};
  const inferences: { type: unknown; from: unknown; at: ArgdownEnd }[] = [];
  for (const [title, a] of Object.entries(isObject(root.arguments) ? root.arguments : {})) {
    if (!isObject(a) || !Array.isArray(a.pcs)) continue;
    a.pcs.forEach((s, k) => {
      const inf = isObject(s) && isObject(s.inference) ? s.inference : undefined;
      for (const r of inf && Array.isArray(inf.relations) ? inf.relations : [])
        if (isObject(r) && r.toType === 'inference') inferences.push({ type: r.relationType, from: r.from, at: { type: 'inference', title, conclusionIndex: int(inf!.conclusionIndex) ?? k } });
    });
  }
  const relations = Array.isArray(root.relations) ? root.relations : [];
  // An undercut of an inference is resolved through the inference that lists it, in order.
  const resolved = relations.map((r) => {
    if (!isObject(r) || r.toType !== 'inference') return r;
    const k = inferences.findIndex((i) => i.type === r.relationType && i.from === r.from);
    if (k < 0) return r;
    const [found] = inferences.splice(k, 1);
    return { ...r, to: found!.at };
  });
  return build({ ...root, relations: resolved }, (x, typeOf) => {
    if (isObject(x)) return x.type === 'inference' && typeof x.title === 'string' ? (x as unknown as ArgdownEnd) : undefined;
    const type = END_TYPES[str(typeOf) ?? ''];
    return type && type !== 'inference' && typeof x === 'string' ? { type, title: x } : undefined;
  });
}
