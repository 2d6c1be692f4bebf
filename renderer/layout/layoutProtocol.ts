// The messages between the renderer and the layout worker, and both ends' handling of them,
// free of DOM and Worker types so tests can drive them with a fake ELK and a fake worker.
//   renderer -> worker: { requestId, graph }  an ELK graph (figures' page-fit layouts)
//                       { requestId, map }    the map's auto-layout, compact (arguments/layout/packed.ts)
//   worker -> renderer: { requestId, ok: true, graph, ms } | { requestId, ok: true, positions, ms }
//                       | { requestId, ok: false, message }
// A graph is answered with the positioned boxes only (ids, x, y, sizes; no edges or routes); a
// map with its positions as one Float64Array, transferred rather than copied.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutEngine } from '../../arguments/layout/elkInThread';
import { graphOfInput, layoutInputProblem, packPositions, type LayoutInput } from '../../arguments/layout/packed';

export type LayoutRequest = { requestId: number; graph: ElkNode } | { requestId: number; map: LayoutInput };

export type LayoutResponse =
  | { requestId: number; ok: true; graph: ElkNode; ms: number }
  | { requestId: number; ok: true; positions: Float64Array; ms: number }
  | { requestId: number; ok: false; message: string };

/** An answer and what to transfer with it (the positions' buffer). */
export interface LayoutAnswer {
  response: LayoutResponse;
  transfer: ArrayBuffer[];
}

/** What the worker needs of ELK (the real one, or a fake in tests): the domain's one engine type. */
export type { LayoutEngine };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRequestId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** ELK's errors are Java exceptions: "org.eclipse.elk.…JsonImportException: …" becomes "JsonImportException: …". */
export function errorMessage(err: unknown): string {
  let text: string;
  if (err instanceof Error) text = err.message || err.name;
  else if (typeof err === 'string') text = err;
  else if (isObject(err) && typeof err.message === 'string') text = err.message;
  else text = String(err);
  text = text.replace(/^(?:[A-Za-z_$][\w$]*\.)+(?=[A-Za-z_$][\w$]*(?:Exception|Error)\b)/, '').trim();
  return text || 'Unknown error.';
}

/** The positioned boxes of a laid-out graph, without edges, routes or options. */
export function positionedBoxes(node: ElkNode): ElkNode {
  const box: ElkNode = { id: node.id, x: node.x ?? 0, y: node.y ?? 0 };
  if (node.width !== undefined) box.width = node.width;
  if (node.height !== undefined) box.height = node.height;
  if (node.children && node.children.length > 0) box.children = node.children.map(positionedBoxes);
  return box;
}

/**
 * The worker's side: lays out one request. Null for a message that is not a request at all
 * (nobody to answer); every failure of a request is an answer with a message, never a throw.
 */
export async function handleLayoutRequest(engine: LayoutEngine, data: unknown, now: () => number = () => performance.now()): Promise<LayoutAnswer | null> {
  if (!isObject(data) || !isRequestId(data.requestId)) return null;
  const requestId = data.requestId;
  const fail = (message: string): LayoutAnswer => ({ response: { requestId, ok: false, message }, transfer: [] });
  const started = now();
  const ms = () => Math.round(now() - started);
  if ('map' in data) {
    const problem = layoutInputProblem(data.map);
    if (problem) return fail(problem);
    const input = data.map as LayoutInput;
    try {
      const result = await engine.layout(graphOfInput(input));
      const positions = packPositions(result, input.nodes.map((n) => n.id));
      return { response: { requestId, ok: true, positions, ms: ms() }, transfer: [positions.buffer] };
    } catch (err) {
      return fail(errorMessage(err));
    }
  }
  const graph = data.graph;
  if (!isObject(graph) || typeof graph.id !== 'string') return fail('The layout request carries no graph.');
  try {
    const result = await engine.layout(graph as unknown as ElkNode);
    return { response: { requestId, ok: true, graph: positionedBoxes(result), ms: ms() }, transfer: [] };
  } catch (err) {
    return fail(errorMessage(err));
  }
}

export function isLayoutResponse(data: unknown): data is LayoutResponse {
  if (!isObject(data) || !isRequestId(data.requestId)) return false;
  if (data.ok === true) return (isObject(data.graph) || data.positions instanceof Float64Array) && typeof data.ms === 'number';
  return data.ok === false && typeof data.message === 'string';
}

/** A connection to one worker, as the client sees it. */
export interface LayoutChannel {
  /** Posts a request; `transfer` lists buffers moved to the worker rather than copied. */
  send(request: LayoutRequest, transfer?: ArrayBuffer[]): void;
  close(): void;
}

/** What a channel reports back: answers, and that it broke (the worker failed to load or crashed). */
export interface LayoutChannelEvents {
  message(data: unknown): void;
  fail(message: string): void;
}

type Answered = Extract<LayoutResponse, { ok: true }>;

export interface LayoutClient {
  /** Lays out a graph in the worker, opening it on first use and reusing it after. */
  layout(graph: ElkNode): Promise<{ graph: ElkNode; ms: number }>;
  /** Lays out a map (its compact form) in the worker: x, y of input.nodes[i] at 2i, 2i + 1 (NaN: not placed). */
  layoutMap(input: LayoutInput, transfer?: ArrayBuffer[]): Promise<{ positions: Float64Array; ms: number }>;
  /** Opens the worker ahead of the first layout (it loads ELK), so that layout does not wait for it. */
  prepare(): void;
  /** Rejects what is pending and closes the worker (a later call opens a new one). */
  dispose(reason?: string): void;
  readonly pending: number;
}

/**
 * The renderer's side: matches answers to requests by id. A broken channel fails every
 * pending request and is dropped, so the next request opens a fresh one.
 */
export function createLayoutClient(open: (events: LayoutChannelEvents) => LayoutChannel): LayoutClient {
  let channel: LayoutChannel | null = null;
  let generation = 0;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: Answered) => void; reject: (e: Error) => void }>();

  const failAll = (message: string) => {
    const c = channel;
    channel = null;
    generation++;
    try {
      c?.close();
    } catch {
      // Closing a broken worker may itself fail; it is gone either way.
    }
    const all = [...waiting.values()];
    waiting.clear();
    for (const w of all) w.reject(new Error(message));
  };

  const connect = (): LayoutChannel => {
    if (channel) return channel;
    const mine = ++generation;
    const events: LayoutChannelEvents = {
      message: (data) => {
        if (mine !== generation || !isLayoutResponse(data)) return;
        const w = waiting.get(data.requestId);
        if (!w) return;
        waiting.delete(data.requestId);
        if (data.ok) w.resolve(data);
        else w.reject(new Error(data.message));
      },
      fail: (message) => {
        if (mine === generation) failAll(message);
      },
    };
    const opened = open(events);
    // `open` may have reported a failure already (then this generation is over).
    if (mine !== generation) {
      try {
        opened.close();
      } catch {
        // ignore: see failAll
      }
      throw new Error('The layout worker could not be started.');
    }
    channel = opened;
    return opened;
  };

  const request = (body: { graph: ElkNode } | { map: LayoutInput }, transfer: ArrayBuffer[]): Promise<Answered> =>
    new Promise((resolve, reject) => {
      const requestId = nextId++;
      try {
        const c = connect();
        waiting.set(requestId, { resolve, reject });
        c.send({ requestId, ...body }, transfer);
      } catch (err) {
        waiting.delete(requestId);
        reject(new Error(errorMessage(err)));
      }
    });
  const wrongAnswer = () => new Error('The layout worker answered with the wrong kind of layout.');

  return {
    async layout(graph) {
      const r = await request({ graph }, []);
      if (!('graph' in r)) throw wrongAnswer();
      return { graph: r.graph, ms: r.ms };
    },
    async layoutMap(input, transfer = []) {
      const r = await request({ map: input }, transfer);
      if (!('positions' in r)) throw wrongAnswer();
      return { positions: r.positions, ms: r.ms };
    },
    prepare() {
      try {
        connect();
      } catch {
        // The first layout tries again and reports why it cannot.
      }
    },
    dispose(reason = 'The layout was cancelled.') {
      failAll(reason);
    },
    get pending() {
      return waiting.size;
    },
  };
}
