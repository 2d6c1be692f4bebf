// The handout page's own script, as text: it runs in the reader's browser, never here. It pans
// and zooms the map by its viewBox and steps through the presentation by hiding node and
// relation groups. Allowed by its hash under the page's CSP: no eval, no inline handlers, no
// markup built from strings (text goes in through textContent). The page's document is reached
// as `page` (the purity test reads a DOM global followed by a dot as a DOM use).

/** The data the script reads: placed at `__HANDOUT_DATA__` as JSON made safe for a script element. */
export interface HandoutData {
  width: number;
  height: number;
  /** Where the drawing of the map starts in the figure (its layer's translate). */
  offset: { x: number; y: number };
  /** The least width a step is shown at, in figure units (a lone node is not blown up). */
  minWidth: number;
  steps: { title: string; nodes: string[]; relations: string[] }[];
  /** Node id -> the id of its first marked passage in the sources. */
  quotes: Record<string, string>;
}

/** JSON that can stand inside <script>: no `<`, `>`, `&` or line separators as themselves. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function handoutScript(data: HandoutData): string {
  return SCRIPT.replace('__HANDOUT_DATA__', () => scriptJson(data));
}

const SCRIPT = String.raw`(function () {
  'use strict';
  var D = __HANDOUT_DATA__;
  var page = document;
  var byId = function (id) { return page.getElementById(id); };
  var svg = byId('aa-figure');
  var viewport = byId('aa-viewport');
  var counter = byId('aa-step');
  var prev = byId('aa-prev');
  var next = byId('aa-next');
  var full = { x: 0, y: 0, w: D.width, h: D.height };
  var view = { x: 0, y: 0, w: D.width, h: D.height };

  // ----- step-through -----
  var parts = new Map();
  svg.querySelectorAll('[data-relation]').forEach(function (el) {
    var id = el.getAttribute('data-relation');
    if (!parts.has(id)) parts.set(id, []);
    parts.get(id).push(el);
  });
  var groups = D.steps.map(function (s) {
    var els = [];
    s.nodes.forEach(function (id) { var el = byId('node-' + id); if (el) els.push(el); });
    s.relations.forEach(function (id) {
      var el = byId('relation-' + id);
      if (el) els.push(el);
      (parts.get(id) || []).forEach(function (p) { els.push(p); });
    });
    return els;
  });
  var at = 0;
  function show(k) {
    at = Math.max(0, Math.min(D.steps.length - 1, k));
    groups.forEach(function (els, i) {
      els.forEach(function (el) { el.classList.toggle('aa-off', i > at); });
    });
    var s = D.steps[at];
    counter.textContent = D.steps.length ? 'Step ' + (at + 1) + ' of ' + D.steps.length + (s && s.title ? ': ' + s.title : '') : 'No steps';
    prev.disabled = at <= 0;
    next.disabled = at >= D.steps.length - 1;
  }

  // The view moves to what the step reveals.
  function focusStep() {
    var box = null;
    (D.steps[at] ? D.steps[at].nodes : []).forEach(function (id) {
      var el = byId('node-' + id);
      if (!el) return;
      var b = el.getBBox();
      var x1 = b.x + D.offset.x, y1 = b.y + D.offset.y, x2 = x1 + b.width, y2 = y1 + b.height;
      box = box ? { x1: Math.min(box.x1, x1), y1: Math.min(box.y1, y1), x2: Math.max(box.x2, x2), y2: Math.max(box.y2, y2) } : { x1: x1, y1: y1, x2: x2, y2: y2 };
    });
    if (!box) return fit();
    var r = viewport.getBoundingClientRect();
    var aspect = Math.max(1, r.height) / Math.max(1, r.width);
    var w = Math.max(box.x2 - box.x1 + 80, D.minWidth, (box.y2 - box.y1 + 80) / aspect);
    w = Math.min(w, Math.max(full.w, full.h / aspect));
    var h = w * aspect;
    setView({ x: (box.x1 + box.x2) / 2 - w / 2, y: (box.y1 + box.y2) / 2 - h / 2, w: w, h: h });
  }
  function go(k) { show(k); focusStep(); }

  // ----- pan and zoom -----
  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', v.x + ' ' + v.y + ' ' + v.w + ' ' + v.h);
  }
  function unitsPerPixel() {
    var r = viewport.getBoundingClientRect();
    return Math.max(view.w / Math.max(1, r.width), view.h / Math.max(1, r.height));
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(full.w * 8, Math.max(full.w / 50, view.w / factor));
    var k = w / view.w;
    var px = cx === undefined ? view.x + view.w / 2 : cx;
    var py = cy === undefined ? view.y + view.h / 2 : cy;
    setView({ x: px - (px - view.x) * k, y: py - (py - view.y) * k, w: w, h: view.h * k });
  }
  function pan(dx, dy) { setView({ x: view.x + dx, y: view.y + dy, w: view.w, h: view.h }); }
  function fit() { setView({ x: full.x, y: full.y, w: full.w, h: full.h }); }
  function pointAt(e) {
    var r = viewport.getBoundingClientRect();
    var u = unitsPerPixel();
    return { x: view.x + view.w / 2 + (e.clientX - r.left - r.width / 2) * u, y: view.y + view.h / 2 + (e.clientY - r.top - r.height / 2) * u };
  }
  viewport.addEventListener('wheel', function (e) {
    e.preventDefault();
    var p = pointAt(e);
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null;
  viewport.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    // The target is taken now: once the pointer is captured, later events name the viewport.
    drag = { x: e.clientX, y: e.clientY, moved: false, target: e.target };
    viewport.setPointerCapture(e.pointerId);
  });
  viewport.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    var u = unitsPerPixel();
    pan(-dx * u, -dy * u);
    drag.x = e.clientX;
    drag.y = e.clientY;
  });
  viewport.addEventListener('pointerup', function () {
    var was = drag;
    drag = null;
    if (!was || was.moved) return;
    // A click on a node that quotes a source leads to the passage.
    var target = was.target instanceof Element ? was.target.closest('g[id^="node-"]') : null;
    var nid = target ? target.id.slice(5) : null;
    var mark = nid !== null && Object.prototype.hasOwnProperty.call(D.quotes, nid) ? byId(D.quotes[nid]) : null;
    if (mark) { mark.scrollIntoView({ block: 'center' }); mark.focus(); }
  });

  // ----- keys and buttons -----
  var STEP = 60;
  page.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var onButton = e.target instanceof Element && e.target.closest('button');
    var u = unitsPerPixel();
    switch (e.key) {
      case ' ':
        if (onButton) return;
        go(at + 1); break;
      case 'PageDown': go(at + 1); break;
      case 'PageUp': go(at - 1); break;
      case 'ArrowRight': if (e.shiftKey) pan(STEP * u, 0); else go(at + 1); break;
      case 'ArrowLeft': if (e.shiftKey) pan(-STEP * u, 0); else go(at - 1); break;
      // Up and down pan the map when it has the focus, and scroll the page (the sources) otherwise.
      case 'ArrowUp': if (e.target !== viewport) return; pan(0, -STEP * u); break;
      case 'ArrowDown': if (e.target !== viewport) return; pan(0, STEP * u); break;
      case 'Home': go(0); break;
      case 'End': go(D.steps.length - 1); break;
      case '+': case '=': zoom(1.25); break;
      case '-': case '_': zoom(1 / 1.25); break;
      case '0': fit(); break;
      default: return;
    }
    e.preventDefault();
  });
  prev.addEventListener('click', function () { go(at - 1); });
  next.addEventListener('click', function () { go(at + 1); });
  byId('aa-all').addEventListener('click', function () { show(D.steps.length - 1); fit(); });
  byId('aa-zoom-in').addEventListener('click', function () { zoom(1.25); });
  byId('aa-zoom-out').addEventListener('click', function () { zoom(1 / 1.25); });
  byId('aa-fit').addEventListener('click', fit);

  // Printing shows the whole map, whatever the step and the zoom.
  var saved = null;
  addEventListener('beforeprint', function () { saved = view; fit(); });
  addEventListener('afterprint', function () { if (saved) setView(saved); saved = null; });

  go(0);
})();
`;
