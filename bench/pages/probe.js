// In-page instruments shared by both benchmark pages (app.html and baseline.html), exposed as
// `window.__bench` for bench/browser.ts. Everything is measured inside the page with
// performance.now() (the navigation is time 0), so Playwright's round trips never count.
//
// Plain JavaScript (type-checked by bench/pages/tsconfig.json): the root tsconfig checks
// bench/*.ts for Node, and these files need the DOM.

/**
 * @typedef {{ frames: number, maxGap: number, meanGap: number, over17: number, over33: number }} FrameStats
 * @typedef {{ count: number, max: number, total: number }} LongTaskStats
 */

/** @type {number[] | null} */
let frames = null;
/** @type {PerformanceEntry[]} */
let longTasks = [];
/** @type {PerformanceObserver | null} */
let longTaskObserver = null;
/** @type {number[]} */
let typingLatencies = [];
/** @type {number | null} */
let keyAt = null;
let typing = false;
/** @type {{ clickAt: number | null, busy: boolean, doneAt: number | null } | null} */
let layout = null;

/** @param {number} t */
function frameLoop(t) {
  if (!frames) return;
  frames.push(t);
  requestAnimationFrame(frameLoop);
}

/** @returns {FrameStats} */
function frameStats(/** @type {number[]} */ ts) {
  let maxGap = 0;
  let sum = 0;
  let over17 = 0;
  let over33 = 0;
  for (let i = 1; i < ts.length; i++) {
    const gap = /** @type {number} */ (ts[i]) - /** @type {number} */ (ts[i - 1]);
    maxGap = Math.max(maxGap, gap);
    sum += gap;
    // rAF times are frame begin times: 16.7 ms apart at 60 Hz, a multiple of it when frames drop.
    if (gap > 17.5) over17++;
    if (gap > 34) over33++;
  }
  return { frames: ts.length, maxGap, meanGap: ts.length > 1 ? sum / (ts.length - 1) : 0, over17, over33 };
}

/** Every DOM node of the canvas is measured (React Flow shows a node once it has its size). */
function nodesMeasured() {
  const all = document.querySelectorAll('.react-flow__node');
  if (all.length === 0) return false;
  return document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null;
}

const INITIAL_TRANSFORM = 'translate(0px, 0px) scale(1)';

/**
 * Resolves with performance.now() at the first frame where the canvas shows measured nodes
 * (and, for the app, after it has moved the view to its opening position).
 * @param {{ viewportMoved: boolean }} options
 * @returns {Promise<number>}
 */
export function whenNodesMeasured(options) {
  return new Promise((resolve) => {
    const check = () => {
      const viewport = /** @type {HTMLElement | null} */ (document.querySelector('.react-flow__viewport'));
      const moved = !options.viewportMoved || (viewport !== null && viewport.style.transform !== '' && viewport.style.transform !== INITIAL_TRANSFORM);
      if (viewport && moved && nodesMeasured()) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** @param {string} id */
function nodeElement(id) {
  return /** @type {HTMLElement | null} */ (document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`));
}

/** @param {DOMRect} r */
const plain = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });

const bench = {
  ready: false,
  /** @type {number | null} performance.now() when the nodes in view were measured. */
  readyAt: /** @type {number | null} */ (null),
  /** @type {string[]} */
  errors: /** @type {string[]} */ ([]),

  startFrames() {
    frames = [];
    requestAnimationFrame(frameLoop);
  },
  /** @returns {FrameStats} */
  stopFrames() {
    const ts = frames ?? [];
    frames = null;
    return frameStats(ts);
  },

  startLongTasks() {
    longTasks = [];
    longTaskObserver?.disconnect();
    longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    longTaskObserver.observe({ type: 'longtask' });
  },
  /** @returns {LongTaskStats} */
  stopLongTasks() {
    if (longTaskObserver) longTasks.push(...longTaskObserver.takeRecords());
    longTaskObserver?.disconnect();
    longTaskObserver = null;
    const ds = longTasks.map((e) => e.duration);
    return { count: ds.length, max: ds.length ? Math.max(...ds) : 0, total: ds.reduce((a, b) => a + b, 0) };
  },

  /** Keypress -> painted frame: from the key event's time stamp to a task queued by the first frame after its input event. */
  startTyping() {
    typingLatencies = [];
    keyAt = null;
    typing = true;
  },
  stopTyping() {
    typing = false;
    return typingLatencies.slice();
  },

  /** @param {string} id */
  nodeRect(id) {
    const el = nodeElement(id);
    return el ? plain(el.getBoundingClientRect()) : null;
  },
  canvasRect() {
    const el = document.querySelector('.react-flow');
    return el ? plain(el.getBoundingClientRect()) : null;
  },
  viewport() {
    return /** @type {HTMLElement | null} */ (document.querySelector('.react-flow__viewport'))?.style.transform ?? null;
  },
  renderedNodes() {
    return document.querySelectorAll('.react-flow__node').length;
  },
  renderedEdges() {
    return document.querySelectorAll('.react-flow__edge').length;
  },
  /** A point of empty canvas (the pane itself is under it), as near the middle as possible. */
  panePoint() {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    // The grid point nearest the centre that is empty canvas: tried nearest first, so the search
    // stops at the first (each hit test costs more with every node in the DOM: trying all ~5,000
    // points took minutes on bare React Flow at 3,000 nodes).
    /** @type {{ x: number, y: number, d: number }[]} */
    const points = [];
    for (let y = r.y + 30; y < r.bottom - 30; y += 15)
      for (let x = r.x + 30; x < r.right - 30; x += 15) points.push({ x, y, d: Math.hypot(x - cx, y - cy) });
    points.sort((a, b) => a.d - b.d);
    const empty = (/** @type {number} */ x, /** @type {number} */ y) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') === true;
    for (const { x, y } of points) {
      // Room around it: the pan drag should start on empty canvas, not at a node's edge.
      if (empty(x, y) && [[-12, 0], [12, 0], [0, -12], [0, 12]].every(([dx, dy]) => empty(x + /** @type {number} */ (dx), y + /** @type {number} */ (dy)))) return { x, y };
    }
    return null;
  },
  /** Resolves once `quietMs` have passed with no frame later than 50 ms (or after `maxMs`). */
  settle(quietMs = 500, maxMs = 15000) {
    return new Promise((resolve) => {
      const started = performance.now();
      let last = started;
      let quietSince = started;
      /** @param {number} t */
      const tick = (t) => {
        if (t - last > 50) quietSince = t;
        last = t;
        if (t - quietSince >= quietMs || t - started >= maxMs) resolve(t - started);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  },
  /** Takes focus away from whatever has it (ends inline editing: both pages finish on blur). */
  blur() {
    const el = document.activeElement;
    if (el instanceof HTMLElement) el.blur();
  },
  /** The tag of the focused element ("TEXTAREA" once an inline editor has focus). */
  activeTag() {
    return document.activeElement?.tagName ?? null;
  },

  /**
   * Arms the auto-layout measurement (app page): records long tasks and frames from now, the
   * time stamp of the click on "Auto-layout", and when its text is back from "Laying out…".
   */
  armLayout() {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Auto-layout');
    if (!button) throw new Error('no Auto-layout button');
    layout = { clickAt: null, busy: false, doneAt: null };
    const state = layout;
    bench.startLongTasks();
    bench.startFrames();
    button.addEventListener('click', (e) => (state.clickAt ??= e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (button.textContent !== 'Auto-layout') state.busy = true;
      else if (state.busy && state.doneAt === null) {
        state.doneAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(button, { childList: true, characterData: true, subtree: true, attributes: true });
  },
  layoutDone() {
    return layout !== null && layout.doneAt !== null;
  },
  /** Click -> button back; the longest task and the worst frame gap since armLayout(). */
  layoutResult() {
    const tasks = bench.stopLongTasks();
    const frames = bench.stopFrames();
    const l = layout;
    layout = null;
    return { ms: l && l.doneAt !== null && l.clickAt !== null ? l.doneAt - l.clickAt : NaN, longestTask: tasks.max, maxGap: frames.maxGap };
  },

  /** Used JS heap after garbage collection (Chromium with --js-flags=--expose-gc and --enable-precise-memory-info). */
  async heap() {
    const w = /** @type {{ gc?: () => void }} */ (/** @type {unknown} */ (window));
    for (let i = 0; i < 3; i++) {
      w.gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    const memory = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (/** @type {unknown} */ (performance)).memory;
    return { used: memory?.usedJSHeapSize ?? null, gc: typeof w.gc === 'function' };
  },
};

/** Installs `window.__bench` and the typing listeners; call before the app starts. */
export function installProbe() {
  /** @type {any} */ (window).__bench = bench;
  window.addEventListener('error', (e) => bench.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => bench.errors.push(String(e.reason)));
  window.addEventListener(
    'keydown',
    (e) => {
      if (typing) keyAt = e.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'input',
    () => {
      if (!typing || keyAt === null) return;
      const t0 = keyAt;
      keyAt = null;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => typingLatencies.push(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/**
 * Marks the page ready once the canvas shows measured nodes.
 * @param {{ viewportMoved: boolean }} options
 */
export function reportWhenReady(options) {
  void whenNodesMeasured(options).then((t) => {
    bench.readyAt = t;
    bench.ready = true;
  });
}

/** @param {unknown} err */
export function reportError(err) {
  bench.errors.push(err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err));
}
