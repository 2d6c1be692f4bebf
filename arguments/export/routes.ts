// The router figures use: libavoid, loaded by each platform's edge (the CLI's Node build,
// the renderer's browser build) and registered here once, so renderFigure stays synchronous.
// A figure drawn before any registration is refused in words; a library that failed to load is
// registered with its reason, and figures then draw unrouted lines and carry that reason.
import type { AvoidLibrary, SolveMany } from '../layout/routing';

/** `solveMany`: where the platform shares the routers' problems among threads (the CLI's routerPool.ts). */
export type FigureRouting = { avoid: AvoidLibrary; solveMany?: SolveMany } | { avoid: null; reason: string };

/** The most arrows one figure routes around its cards (see edges.ts: layoutEdges); past it, straight lines. */
export const MAX_ROUTED_RELATIONS = 1000;

let current: FigureRouting | null = null;

/** Registers the loaded libavoid for figures (null with the reason when it could not be loaded). */
export function setFigureRouting(avoid: AvoidLibrary | null, reason = 'the edge router is not available', solveMany?: SolveMany): void {
  current = avoid ? { avoid, ...(solveMany ? { solveMany } : {}) } : { avoid: null, reason };
}

export class RoutingNotReadyError extends Error {
  readonly code = 'routing-not-ready';
}

/** The registered router; throws when none was (a caller that forgot to load it). */
export function figureRouting(): FigureRouting {
  if (!current) throw new RoutingNotReadyError('Figures route their arrows around the cards with libavoid, which has not been loaded: call startFigureRouting() (CLI) or loadRouting() (renderer) first.');
  return current;
}
