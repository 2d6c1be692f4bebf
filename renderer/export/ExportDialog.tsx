// The Export dialog: format, theme, what to include, DPI or page, caption and legend, with a
// live preview of the figure and progress while a large map is drawn. It remembers the last
// choices. Opened by the toolbar's Export… and Ctrl+E (⌘E).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { FIGURE_FORMATS, MAX_DPI, MIN_DPI, pixelSize, rasterTooLarge, renderFigure, type FigureFormat, type FigureOptions, type PageSize } from '../../arguments/export/figure';
import { exportFileName } from '../../arguments/export/names';
import { THEME_LABELS, THEME_NAMES, type ThemeName } from '../../arguments/export/themes';
import { voicesInMap } from '../../arguments/analysis/voices';
import { NODE_KIND_LABELS, type ArgumentMap, type Id, type NodeKind } from '../../arguments/model';
import { notify, useEditor, useEditorShallow } from '../store/store';
import { closeExportDialog, readChoices, rememberChoices, useExportDialog, type ExportChoices, type ScopeChoice } from './exportState';
import { restoreFocusSoon } from '../canvas/navigation';
import { facesUsed, missingGlyphs, missingGlyphWarnings } from '../../arguments/export/glyphs';
import { citeProcessor } from '../sources/citeService';
import { inlineFontFaceCss } from './fonts';
import { produceFigure } from './produce';
import { chooseTarget } from './save';
import { PageFitFields, usePageFit } from './PageFit';
import { chooseSetTarget, pageFigureBytes, pagesPdf } from './pageExport';
import { setFigureFileName } from '../../arguments/export/figureSet';
import './fonts.css';
import './export.css';

const FORMAT_LABELS: Record<FigureFormat, string> = { svg: 'SVG (vector, editable)', png: 'PNG (image)', pdf: 'PDF (vector, fonts embedded)' };
const PAGE_LABELS: Record<PageSize, string> = { fit: 'Fitted to the figure', a4: 'A4', letter: 'US Letter' };
/** Above this many nodes the preview waits a little longer after each change. */
const LARGE_MAP = 400;

export function ExportDialog() {
  const open = useExportDialog((s) => s.open);
  if (!open) return null;
  return createPortal(<ExportForm />, document.body);
}

function nodeChoiceLabel(map: ArgumentMap, id: Id): string {
  const n = map.nodes[id]!;
  const text = (n.title ? `${n.title}: ` : '') + (n.text || n.quote?.exact || '(empty)');
  return `${text.length > 70 ? text.slice(0, 69) + '…' : text} — ${NODE_KIND_LABELS[n.kind]}`;
}

/** The order in which nodes are offered as a figure's root: the thesis, the claims, then the rest. */
const KIND_RANK = { thesis: 0, claim: 1, premise: 2, evidence: 2, counter: 2, rebuttal: 2, note: 2 } satisfies Record<NodeKind, number>;

function ExportForm() {
  const map = useEditor((s) => s.history.present);
  const selected = useEditorShallow((s) => s.selection.nodes);
  const docName = useEditor((s) => s.name);
  const [choices, setChoices] = useState<ExportChoices>(() => {
    const c = readChoices();
    // The subtree of the selected node, else of the remembered one if it is in this map, else the thesis.
    const root = (selected.length === 1 ? selected[0] : null) ?? (c.root && Object.hasOwn(map.nodes, c.root) ? c.root : null) ?? Object.values(map.nodes).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind])[0]?.id ?? null;
    const scope: ScopeChoice = c.scope === 'selection' && selected.length === 0 ? 'all' : c.scope;
    return { ...c, root, scope };
  });
  const set = <K extends keyof ExportChoices>(key: K, value: ExportChoices[K]) => setChoices((c) => ({ ...c, [key]: value }));
  // The voices the status may count: those speaking in the map and those judging in it.
  const voices = useMemo(() => [...new Set([...voicesInMap(map).map((v) => v.voice), ...Object.values(map.evaluations ?? {}).map((e) => e.by)])].sort(), [map]);
  // Every voice counts until one is left out (null: every voice, as `argmap status` without --voices).
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const statusVoices = useMemo(() => (leftOut.size === 0 ? null : voices.filter((v) => !leftOut.has(v))), [voices, leftOut]);

  const [preview, setPreview] = useState<{ url: string; width: number; height: number; nodes: number; relations: number; missing: string[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  const roots = useMemo(
    () =>
      Object.values(map.nodes)
        .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : 1))
        .map((n) => ({ id: n.id, label: nodeChoiceLabel(map, n.id) })),
    [map],
  );

  const options: FigureOptions = useMemo(
    () => ({
      theme: choices.theme,
      scope: choices.scope === 'selection' ? { kind: 'selection', ids: selected } : choices.scope === 'subtree' && choices.root ? { kind: 'subtree', root: choices.root } : { kind: 'all' },
      counters: choices.counters,
      voices: choices.voices,
      legend: choices.legend,
      caption: choices.caption,
      statusBadges: choices.statusBadges,
      statusVoices,
      citations: choices.citations,
    }),
    [choices, selected, statusVoices],
  );

  const fit = usePageFit(map, options, choices);
  const pageMode = choices.width !== 'none';
  // The figure a page fit chose (the set's overview for a set): what the preview shows then.
  const fitted = fit.kind === 'one' ? fit.fitted : fit.kind === 'set' ? (fit.set.figures[0]!.outcome.fits ? fit.set.figures[0]!.outcome.fitted : null) : null;

  // Focus the dialog's first choice on opening; give focus back when it closes.
  useEffect(() => {
    const before = document.activeElement;
    dialog.current?.querySelector<HTMLInputElement>('input[name="aa-export-format"]:checked')?.focus();
    return () => {
      // Opened with focus nowhere (the page body): to the selected node, else the map.
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
      else restoreFocusSoon();
    };
  }, []);

  // The live preview: the figure itself (its fonts inside it), as an image.
  const nodeCount = Object.keys(map.nodes).length;
  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    const timer = setTimeout(
      async () => {
        setStatus(nodeCount > LARGE_MAP ? `Drawing the preview of ${nodeCount.toLocaleString('en')} nodes…` : 'Drawing the preview…');
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        try {
          const cite = options.citations ? await citeProcessor() : undefined;
          if (cancelled) return;
          const fig = fitted ? fitted.figure : renderFigure(map, options, { embedMap: false, citeProcessor: cite });
          // The fonts the figure's text uses, inside the image (the CJK faces only for CJK text).
          const css = await inlineFontFaceCss(facesUsed(fig.layout));
          if (cancelled) return;
          url = URL.createObjectURL(new Blob([fig.variant({ embedMap: false, fontFaceCss: css })], { type: 'image/svg+xml' }));
          const missing = missingGlyphWarnings(missingGlyphs(fig.layout, map));
          setPreview({ url, width: fig.width, height: fig.height, nodes: fig.layout.nodes.length, relations: fig.layout.edges.length, missing });
          setPreviewError(null);
          setStatus('');
        } catch (err) {
          if (cancelled) return;
          setPreview(null);
          setPreviewError(err instanceof Error ? err.message : String(err));
          setStatus('');
        }
      },
      nodeCount > LARGE_MAP ? 400 : 120,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (url) setTimeout(() => URL.revokeObjectURL(url!), 1000);
    };
  }, [map, options, nodeCount, fitted]);

  const dpiValid = Number.isFinite(choices.dpi) && choices.dpi >= MIN_DPI && choices.dpi <= MAX_DPI;
  const px = preview && dpiValid ? pixelSize(preview, choices.dpi) : null;
  const tooLarge = preview && choices.format === 'png' && dpiValid ? rasterTooLarge(preview, choices.dpi) : null;
  const pageReady = fit.kind === 'one' ? !!fit.fitted : fit.kind === 'set' ? fit.set.fits : false;
  const canExport = pageMode ? !busy && pageReady : !busy && !previewError && !!preview && (choices.format !== 'png' || (dpiValid && !tooLarge));

  const close = () => {
    if (!busy) closeExportDialog();
  };

  const doPageExport = async () => {
    setError(null);
    rememberChoices(choices);
    const ext = choices.format;
    try {
      if (fit.kind === 'one' && fit.fitted) {
        const target = await chooseTarget(exportFileName({ documentName: docName, map, scope: options.scope, theme: choices.theme, extension: ext }), ext);
        if (!target) return;
        setBusy(true);
        setStatus('Writing the figure…');
        const saved = await target.write(await pageFigureBytes(fit.fitted, ext));
        setBusy(false);
        setStatus('');
        if (saved === null) return;
        closeExportDialog();
        notify({ kind: 'info', title: `Exported “${saved}”`, lines: [fit.message] });
        return;
      }
      if (fit.kind !== 'set' || !fit.set.fits) return;
      const figures = fit.set.figures.map((f) => ({ f, fitted: f.outcome.fits ? f.outcome.fitted : null })).filter((x) => x.fitted);
      let saved: string[] | null;
      if (ext === 'pdf' && choices.pages === 'one') {
        const target = await chooseTarget(exportFileName({ documentName: docName, map, theme: choices.theme, kind: 'figures', extension: 'pdf' }), 'pdf');
        if (!target) return;
        setBusy(true);
        setStatus(`Writing ${figures.length} pages…`);
        const name = await target.write(await pagesPdf(figures.map((x) => x.fitted!)));
        saved = name === null ? null : [name];
      } else {
        const target = await chooseSetTarget(exportFileName({ documentName: docName, map, theme: choices.theme, kind: 'figures', extension: 'zip' }), ext);
        if (!target) return;
        setBusy(true);
        const files: { name: string; bytes: Uint8Array }[] = [];
        for (const x of figures) {
          setStatus(`Writing ${x.f.label}…`);
          files.push({ name: setFigureFileName(docName, map, x.f, choices.theme, ext), bytes: await pageFigureBytes(x.fitted!, ext) });
        }
        saved = await target.write(files);
      }
      setBusy(false);
      setStatus('');
      if (saved === null) return;
      closeExportDialog();
      notify({ kind: 'info', title: `Exported ${saved.length === 1 ? `“${saved[0]}”` : `${saved.length} files`}`, lines: [`${fit.set.figures[0]!.label} and ${fit.set.figures.length - 1} figures for each claim, ${ext.toUpperCase()}.`] });
    } catch (err) {
      setBusy(false);
      setStatus('');
      setError(`The figure could not be exported: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const doExport = async () => {
    if (!canExport) return;
    if (pageMode) return doPageExport();
    setError(null);
    rememberChoices(choices);
    // Named from the map, the scope and the theme: exports of different scopes never share a name.
    const name = exportFileName({ documentName: docName, map, scope: options.scope, theme: choices.theme, extension: choices.format });
    let target;
    try {
      // First, while the click still counts as one: where to save.
      target = await chooseTarget(name, choices.format);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    if (!target) return;
    setBusy(true);
    try {
      const cite = options.citations ? await citeProcessor() : undefined;
      const { bytes } = await produceFigure(map, { ...options, format: choices.format, dpi: choices.dpi, page: choices.page }, setStatus, { citeProcessor: cite });
      setStatus('Saving…');
      const saved = await target.write(bytes);
      setBusy(false);
      if (saved === null) {
        setStatus('');
        return;
      }
      closeExportDialog();
      notify({ kind: 'info', title: `Exported “${saved}”`, lines: [`${choices.format.toUpperCase()} figure, ${THEME_LABELS[choices.theme].toLowerCase()}; it carries the map: open it in Argument Atlas to edit.`] });
    } catch (err) {
      setBusy(false);
      setStatus('');
      setError(`The figure could not be exported: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys stay in the dialog: the editor's shortcuts must not act on the map behind it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)') ?? [])].filter(
        (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
      );
      if (focusable.length === 0) return;
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      const next = at === -1 ? 0 : (at + (e.shiftKey ? -1 : 1) + focusable.length) % focusable.length;
      if ((e.shiftKey && at === 0) || (!e.shiftKey && at === focusable.length - 1) || at === -1) {
        e.preventDefault();
        focusable[next]!.focus();
      }
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'e') {
      e.preventDefault();
    }
  };

  const scopeText =
    choices.scope === 'selection' ? `the ${selected.length} selected node${selected.length === 1 ? '' : 's'}` : choices.scope === 'subtree' ? 'one node and what bears on it' : 'the whole map';

  return (
    <div className="aa-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={dialog} className="aa-modal aa-export-dialog" role="dialog" aria-modal="true" aria-labelledby="aa-export-title" aria-busy={busy} onKeyDown={onKeyDown}>
        <h2 id="aa-export-title">Export figure</h2>
        <div className="aa-export-body">
          <form
            className="aa-export-options"
            onSubmit={(e) => {
              e.preventDefault();
              void doExport();
            }}
          >
            <fieldset className="aa-export-formats">
              <legend>Format</legend>
              {FIGURE_FORMATS.map((f) => (
                <label key={f}>
                  <input type="radio" name="aa-export-format" value={f} checked={choices.format === f} onChange={() => set('format', f)} disabled={busy} /> {FORMAT_LABELS[f]}
                </label>
              ))}
            </fieldset>
            <div className="aa-field">
              <label htmlFor="aa-export-theme">Theme</label>
              <select id="aa-export-theme" value={choices.theme} onChange={(e) => set('theme', e.target.value as ThemeName)} disabled={busy}>
                {THEME_NAMES.map((t) => (
                  <option key={t} value={t}>
                    {THEME_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className="aa-field">
              <label htmlFor="aa-export-scope">Include</label>
              <select id="aa-export-scope" value={choices.scope} onChange={(e) => set('scope', e.target.value as ScopeChoice)} disabled={busy}>
                <option value="all">The whole map</option>
                <option value="selection" disabled={selected.length === 0}>
                  The selection{selected.length ? ` (${selected.length} node${selected.length === 1 ? '' : 's'})` : ' (nothing selected)'}
                </option>
                <option value="subtree">One claim and what bears on it</option>
              </select>
            </div>
            {choices.scope === 'subtree' && (
              <div className="aa-field">
                <label htmlFor="aa-export-root">Claim</label>
                <select id="aa-export-root" value={choices.root ?? ''} onChange={(e) => set('root', e.target.value)} disabled={busy}>
                  {roots.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="aa-export-checks">
              <label>
                <input type="checkbox" checked={choices.counters} onChange={(e) => set('counters', e.target.checked)} disabled={busy} /> Counter-considerations
              </label>
              <label>
                <input type="checkbox" checked={choices.voices} onChange={(e) => set('voices', e.target.checked)} disabled={busy} /> Voices (who says what)
              </label>
              <label>
                <input type="checkbox" checked={choices.legend} onChange={(e) => set('legend', e.target.checked)} disabled={busy} /> Legend
              </label>
              <label>
                <input type="checkbox" checked={choices.statusBadges} onChange={(e) => set('statusBadges', e.target.checked)} disabled={busy} aria-describedby="aa-export-status-hint" /> Show what stands
              </label>
              <span id="aa-export-status-hint" className="aa-hint">
                Each node’s status (stands, falls, open) as a badge, with its legend.
              </span>
              <label>
                <input type="checkbox" checked={choices.citations} onChange={(e) => set('citations', e.target.checked)} disabled={busy} aria-describedby="aa-export-citations-hint" /> List the sources
              </label>
              <span id="aa-export-citations-hint" className="aa-hint">
                Under the figure, the full citation of every source it quotes, in the order first quoted.{choices.width !== 'none' && choices.citations ? ' Not drawn in a figure fitted to a printed width yet.' : ''}
              </span>
            </div>
            {choices.statusBadges && voices.length > 0 && (
              <fieldset className="aa-export-voices">
                <legend>Voices the status counts</legend>
                {voices.map((v) => (
                  <label key={v}>
                    <input
                      type="checkbox"
                      checked={!leftOut.has(v)}
                      disabled={busy}
                      onChange={(e) =>
                        setLeftOut((s) => {
                          const next = new Set(s);
                          if (e.target.checked) next.delete(v);
                          else next.add(v);
                          return next;
                        })
                      }
                    />{' '}
                    {v}
                  </label>
                ))}
              </fieldset>
            )}
            {choices.format === 'png' && (
              <div className="aa-field">
                <label htmlFor="aa-export-dpi">Resolution (DPI)</label>
                <input
                  id="aa-export-dpi"
                  type="number"
                  min={MIN_DPI}
                  max={MAX_DPI}
                  step={1}
                  value={Number.isFinite(choices.dpi) ? choices.dpi : ''}
                  onChange={(e) => set('dpi', e.target.valueAsNumber)}
                  aria-describedby="aa-export-pixels"
                  disabled={busy}
                />
                <span id="aa-export-pixels" className="aa-hint">
                  {!dpiValid ? `From ${MIN_DPI} to ${MAX_DPI}.` : px ? `${px.width.toLocaleString('en')} × ${px.height.toLocaleString('en')} pixels` : ''}
                </span>
              </div>
            )}
            {choices.format === 'pdf' && !pageMode && (
              <div className="aa-field">
                <label htmlFor="aa-export-page">Page</label>
                <select id="aa-export-page" value={choices.page} onChange={(e) => set('page', e.target.value as PageSize)} disabled={busy}>
                  {(['fit', 'a4', 'letter'] as const).map((p) => (
                    <option key={p} value={p}>
                      {PAGE_LABELS[p]}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <PageFitFields
              choices={choices}
              set={set}
              fit={fit}
              busy={busy}
              chooseClaim={(id) => setChoices((c) => ({ ...c, scope: 'subtree', root: id, set: false }))}
            />
            <div className="aa-field">
              <label htmlFor="aa-export-caption">Caption (optional)</label>
              <textarea id="aa-export-caption" rows={2} value={choices.caption} onChange={(e) => set('caption', e.target.value)} disabled={busy} placeholder="Figure 1. …" />
            </div>
            {tooLarge && <p className="aa-error">{tooLarge}</p>}
            {preview && preview.missing.length > 0 && (
              <div className="aa-export-missing" role="note" aria-label="Characters no bundled font has">
                {preview.missing.map((w) => (
                  <p key={w} className="aa-warning">
                    {w}
                  </p>
                ))}
              </div>
            )}
            {error && (
              <p className="aa-error" role="alert">
                {error}
              </p>
            )}
          </form>
          <figure className="aa-export-preview">
            {preview ? (
              <img src={preview.url} alt={`Preview of the figure: ${scopeText}, ${preview.nodes} nodes`} />
            ) : (
              <div className="aa-export-nopreview">{previewError ?? 'Drawing the preview…'}</div>
            )}
            <figcaption className="aa-hint">
              {preview ? `${preview.nodes} nodes, ${preview.relations} relations · ${preview.width.toLocaleString('en')} × ${preview.height.toLocaleString('en')} px (${((preview.width / 96) * 2.54).toFixed(1)} × ${((preview.height / 96) * 2.54).toFixed(1)} cm)` : ''}
            </figcaption>
          </figure>
        </div>
        <p className="aa-export-status" role="status" aria-live="polite">
          {status}
        </p>
        <div className="aa-modal-buttons">
          <button type="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="aa-primary" onClick={() => void doExport()} disabled={!canExport}>
            {busy ? 'Exporting…' : pageMode && choices.set ? `Export figure set (${choices.format.toUpperCase()})…` : `Export ${choices.format.toUpperCase()}…`}
          </button>
        </div>
      </div>
    </div>
  );
}
