// What every export is called: the map's name, what part of it, how it is drawn, and the file's
// ending, e.g. "stalin-gottwald-1950.claim-1.print.pdf", "stalin-gottwald-1950.docx",
// "stalin-gottwald-1950.sources.json". One rule for figures, outlines, exchange files and
// bibliographies, so two exports of different scopes never download under the same name.
import type { ArgumentMap } from '../model';
import { slugify } from '../text/slug';
import type { Scope } from './scope';

/** The file name of a map without its ending ("letter.argmap.json" -> "letter"). */
const MAP_ENDING = /(\.argmap)?\.json$/i;
/** Names the app gives a document that has no file of its own; the map's title names it then. */
const PLACEHOLDER = /^(untitled|untitled-map)$/;

/**
 * The map's part of a name: its file's name when it has one ("stalin-gottwald-1950"), else its
 * title, else "argument-map".
 */
export function mapSlug(documentName: string, title: string): string {
  const fromFile = slugify(documentName.replace(MAP_ENDING, ''));
  if (fromFile && !PLACEHOLDER.test(fromFile)) return fromFile;
  return slugify(title) || 'argument-map';
}

/** A scope's part of a name: none for the whole map, "selection", or the root node's title or id ("claim-1"). */
export function scopeSlug(map: ArgumentMap, scope: Scope): string | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'selection') return 'selection';
  const root = Object.hasOwn(map.nodes, scope.root) ? map.nodes[scope.root]! : undefined;
  // "Claim 2a: Europe first" -> "claim-2a": the part before a colon is the node's label.
  const label = root?.title?.split(':')[0] ?? '';
  return slugify(label, 40) || slugify(scope.root, 40) || 'node';
}

export interface ExportName {
  /** The open document's name ("stalin-gottwald-1950.argmap.json", "Untitled.argmap.json"). */
  documentName: string;
  map: ArgumentMap;
  /** What part of the map (figures); absent for exports of the whole map. */
  scope?: Scope;
  /** The figure theme ("print"), when the export has one. */
  theme?: string;
  /** What the file is, before its ending ("sources" for a CSL-JSON bibliography). */
  kind?: string;
  /** Without the dot: "pdf", "docx", "aif.json". */
  extension: string;
}

export function exportFileName(e: ExportName): string {
  const parts = [mapSlug(e.documentName, e.map.meta.title), e.scope ? scopeSlug(e.map, e.scope) : null, e.theme ? slugify(e.theme) : null, e.kind ? slugify(e.kind) : null];
  return `${parts.filter((p): p is string => !!p).join('.')}.${e.extension.replace(/^\.+/, '')}`;
}
