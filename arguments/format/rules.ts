// The loader's checks for one record (a node, a relation, a source, a position, the map's
// details) before an operation puts it into a map: the same limits (arguments/limits.ts) and
// the same schema the loader applies to a file, so an edit the editor accepts always saves to
// a file that opens again.
import type { z } from 'zod';
import { valueProblem } from '../limits';
import type { PathSegment } from './errors';
import { explainIssue } from './explain';

const MAX_REPORTED = 3;

/**
 * Why `value` cannot stand at `at` in a map file (["nodes", 0] for a node), in words; null
 * when it can. `at` places it for the nesting limit.
 */
export function recordProblem(schema: z.ZodType, value: unknown, at: readonly PathSegment[]): string | null {
  const bad = valueProblem(value, at);
  if (bad) return bad.message;
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return null;
  return parsed.error.issues.slice(0, MAX_REPORTED).map((i) => explainIssue(i).message).join(' ');
}

/** Where a record stands in the file, for the nesting limit: a node is at depth 3 (the file, its list of nodes, the node). */
export const AT = {
  node: ['nodes', 0],
  relation: ['relations', 0],
  source: ['sources', 0],
  quote: ['nodes', 0, 'quote'],
  position: ['view', 'positions', 'id'],
  meta: ['meta'],
  evaluation: ['evaluations', 0],
  thread: ['comments', 0],
  message: ['comments', 0, 'messages', 0],
} as const satisfies Record<string, readonly PathSegment[]>;
