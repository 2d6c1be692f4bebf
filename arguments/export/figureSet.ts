// A figure set: what does not fit one page-ready figure, as several that each do. An overview
// (the thesis and its claims only) and one figure per claim with everything that bears on it,
// numbered to match: the overview is Figure N, the claims' figures Na, Nb, … in the claims'
// order (Claim 1 first), each fitted to the same width and smallest type. Also the ways out a
// scope that does not fit is offered: smaller scopes that do, a lower detail that does, a set.
import { compareSiblings } from '../layout/layered';
import type { ArgumentMap, Id } from '../model';
import { DETAILS, type Detail } from './detail';
import type { FigureOptions } from './figure';
import { fitFigure, type FitOutcome, type FitPreferences, type LayoutEngine } from './fit';
import { mapSlug, scopeSlug } from './names';
import type { PageTarget } from './page';
import { slugify } from '../text/slug';
import { excerpt } from '../text/excerpt';
import { scopeMap, type Scope } from './scope';

export interface SetFigure {
  /** "2" for the overview, "2a", "2b", … for the claims. */
  number: string;
  /** "Figure 2a". */
  label: string;
  role: 'overview' | 'claim';
  /** The claim it shows (none for the overview). */
  claim?: Id;
  scope: Scope;
  outcome: FitOutcome;
}

export interface FigureSet {
  figures: SetFigure[];
  /** Every figure fits. */
  fits: boolean;
  /** Nodes of the map in none of the figures (the thesis's own premises and their evidence), by id. */
  left: Id[];
}

export type SetProblemCode = 'set-needs-whole-map' | 'no-thesis' | 'no-claims';

export class FigureSetError extends Error {
  override name = 'FigureSetError';
  constructor(
    readonly code: SetProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** Letters after the number: a … z, then aa, ab, … (a set of more than 26 claims). */
export function figureLetter(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** The theses of the map and their claims (the claims that bear directly on a thesis), in the argument's order. */
export function thesesAndClaims(map: ArgumentMap): { theses: Id[]; claims: Id[] } {
  const nodes = Object.values(map.nodes);
  const theses = nodes.filter((n) => n.kind === 'thesis').sort((a, b) => compareSiblings({ node: a, kind: 'supports' }, { node: b, kind: 'supports' })).map((n) => n.id);
  const thesisSet = new Set(theses);
  const claims = new Map<Id, 'supports' | 'opposes' | 'qualifies'>();
  for (const r of Object.values(map.relations)) {
    if (r.kind === 'undercuts' || !thesisSet.has(r.to)) continue;
    for (const f of r.from) if (Object.hasOwn(map.nodes, f) && map.nodes[f]!.kind === 'claim' && !claims.has(f)) claims.set(f, r.kind);
  }
  const ordered = [...claims].sort(([a, ka], [b, kb]) => compareSiblings({ node: map.nodes[a]!, kind: ka }, { node: map.nodes[b]!, kind: kb })).map(([id]) => id);
  return { theses, claims: ordered };
}

export interface SetOptions extends FitPreferences {
  /** The overview's figure number (the claims' are it with a letter); 1 unless said. */
  baseNumber?: number;
  /** The fittings already made (the ways out and the set share them); a new one unless given. */
  fitter?: Fitter;
}

export type Fitter = (options: FigureOptions, prefs: FitPreferences) => Promise<FitOutcome>;

/** fitFigure for one map, target and engine, each scope and detail fitted once. */
export function memoFitter(map: ArgumentMap, target: PageTarget, engine: LayoutEngine): Fitter {
  const done = new Map<string, Promise<FitOutcome>>();
  return (options, prefs) => {
    const key = JSON.stringify([options, prefs.detail ?? null]);
    let p = done.get(key);
    if (!p) done.set(key, (p = fitFigure(map, options, target, engine, prefs)));
    return p;
  };
}

/** The figure set of the whole map (`options.scope` must be the whole map), each figure fitted to `target`. */
export async function makeFigureSet(map: ArgumentMap, options: FigureOptions, target: PageTarget, engine: LayoutEngine, o: SetOptions = {}): Promise<FigureSet> {
  if (options.scope.kind !== 'all') throw new FigureSetError('set-needs-whole-map', 'A figure set is made of the whole map (an overview and one figure per claim); leave out the scope, or export the scope as one figure.');
  const { theses, claims } = thesesAndClaims(map);
  if (theses.length === 0) throw new FigureSetError('no-thesis', 'This map has no thesis, so there is no overview to make a figure set around; export it as one figure, or one claim at a time.');
  if (claims.length === 0) throw new FigureSetError('no-claims', 'No claim bears on the thesis, so a figure set would have only its overview; export the map as one figure instead.');
  const base = o.baseNumber ?? 1;
  const fit = o.fitter ?? memoFitter(map, target, engine);
  const prefs: FitPreferences = o.detail ? { detail: o.detail } : {};
  const overviewScope: Scope = { kind: 'selection', ids: [...theses, ...claims] };
  const figures: SetFigure[] = [{ number: String(base), label: `Figure ${base}`, role: 'overview', scope: overviewScope, outcome: await fit({ ...options, scope: overviewScope }, prefs) }];
  for (const [i, claim] of claims.entries()) {
    const scope: Scope = { kind: 'subtree', root: claim };
    const number = `${base}${figureLetter(i)}`;
    figures.push({ number, label: `Figure ${number}`, role: 'claim', claim, scope, outcome: await fit({ ...options, scope }, prefs) });
  }
  const shown = new Set<Id>();
  for (const f of figures) for (const id of scopeMap(map, f.scope, { counters: options.counters }).nodes) shown.add(id);
  const all = scopeMap(map, { kind: 'all' }, { counters: options.counters }).nodes;
  return { figures, fits: figures.every((f) => f.outcome.fits), left: [...all].filter((id) => !shown.has(id)).sort() };
}

/** "Figure 2a–2d" (the claims' figures of a set), or "Figure 2a" for one. */
export function setRangeLabel(set: FigureSet): string {
  const claims = set.figures.filter((f) => f.role === 'claim');
  if (claims.length === 0) return set.figures[0]?.label ?? '';
  return claims.length === 1 ? claims[0]!.label : `Figure ${claims[0]!.number}–${claims[claims.length - 1]!.number}`;
}

/** How many claims' figures are checked for the ways out at most (each is a fitting of its own). */
export const MAX_SCOPES_CHECKED = 24;

export interface WaysOut {
  /** Claims in the scope whose figure (the claim and what bears on it) fits, and those that do not. */
  smallerScopes: { claim: Id; title: string; fits: boolean }[];
  /** Claims not checked (past MAX_SCOPES_CHECKED). */
  unchecked: number;
  /** The most detailed level below the one asked for at which the scope fits; null when none does or no level was asked for. */
  lowerDetail: Detail | null;
  /** The figure set of the whole map and whether all of it fits; null when the scope is not the whole map or the map has no set. */
  set: FigureSet | null;
}

/** The ways out for a scope that does not fit `target`: computed, each a fitting of its own. */
export async function waysOut(map: ArgumentMap, options: FigureOptions, target: PageTarget, engine: LayoutEngine, o: SetOptions = {}): Promise<WaysOut> {
  const inScope = scopeMap(map, options.scope, { counters: options.counters }).nodes;
  const root = options.scope.kind === 'subtree' ? options.scope.root : null;
  const claims = Object.values(map.nodes)
    .filter((n) => n.kind === 'claim' && inScope.has(n.id) && n.id !== root)
    .sort((a, b) => compareSiblings({ node: a, kind: 'supports' }, { node: b, kind: 'supports' }));
  const prefs: FitPreferences = o.detail ? { detail: o.detail } : {};
  const fit = o.fitter ?? memoFitter(map, target, engine);
  const smallerScopes: WaysOut['smallerScopes'] = [];
  for (const c of claims.slice(0, MAX_SCOPES_CHECKED)) {
    const outcome = await fit({ ...options, scope: { kind: 'subtree', root: c.id } }, prefs);
    smallerScopes.push({ claim: c.id, title: excerpt(c.title?.trim() || c.id, 40), fits: outcome.fits });
  }
  let lowerDetail: Detail | null = null;
  if (o.detail)
    for (const d of DETAILS.slice(DETAILS.indexOf(o.detail) + 1))
      if ((await fit(options, { detail: d })).fits) {
        lowerDetail = d;
        break;
      }
  let set: FigureSet | null = null;
  if (options.scope.kind === 'all') {
    try {
      set = await makeFigureSet(map, options, target, engine, { ...o, fitter: fit });
    } catch (err) {
      if (!(err instanceof FigureSetError)) throw err;
    }
  }
  return { smallerScopes, unchecked: Math.max(0, claims.length - MAX_SCOPES_CHECKED), lowerDetail, set };
}

/** The ways out in words, one line each (the CLI's refusal and the dialog's message). */
export function waysOutWords(w: WaysOut): string[] {
  const lines: string[] = [];
  const fitting = w.smallerScopes.filter((s) => s.fits);
  if (fitting.length > 0) lines.push(`A smaller scope fits: ${fitting.map((s) => `${s.title} (--scope claim:${s.claim})`).join(', ')}.`);
  if (w.lowerDetail) lines.push(`A lower detail fits: --detail ${w.lowerDetail}.`);
  if (w.set) {
    const n = w.set.figures.length;
    lines.push(w.set.fits ? `A figure set fits: ${setRangeLabel(w.set)} with an overview, ${n} figures (--set).` : `A figure set of ${n} figures would not fit either: ${w.set.figures.filter((f) => !f.outcome.fits).map((f) => f.label).join(', ')} would still be too large.`);
  }
  if (lines.length === 0) lines.push('Nothing smaller fits either: choose a wider target, a smaller minimum type, or a scope of fewer nodes.');
  return lines;
}

/**
 * A set's file for one figure, named from the map, the figure's number and its scope:
 * "stalin-gottwald-1950.figure-2a.claim-1.print.pdf", "stalin-gottwald-1950.figure-2.overview.print.pdf".
 */
export function setFigureFileName(documentName: string, map: ArgumentMap, figure: SetFigure, theme: string, extension: string): string {
  const scope = figure.role === 'overview' ? 'overview' : scopeSlug(map, figure.scope);
  return [mapSlug(documentName, map.meta.title), `figure-${figure.number}`, scope, slugify(theme)].filter(Boolean).join('.') + `.${extension.replace(/^\.+/, '')}`;
}
