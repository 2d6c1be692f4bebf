// The Export dialog's page-ready part: the printed width (a preset or any width in mm), the
// smallest type, the detail, a figure set; and, live, whether the figure fits, with the ways
// out as buttons (a smaller scope, a lower detail, a figure set). The fitting is the CLI's
// (arguments/export/fit.ts), ELK running in the layout worker.
import { useEffect, useMemo, useState } from 'react';
import { DETAIL_LABELS, DETAILS, type Detail } from '../../arguments/export/detail';
import type { FigureOptions } from '../../arguments/export/figure';
import type { FittedFigure } from '../../arguments/export/fit';
import { FigureSetError, makeFigureSet, memoFitter, setRangeLabel, waysOut, type FigureSet, type WaysOut } from '../../arguments/export/figureSet';
import { checkMinType, checkWidth, JOURNAL_TEXT_HEIGHT_MM, MAX_WIDTH_MM, MIN_TYPE_RANGE_PT, MIN_WIDTH_MM, PAGE_PRESET_SIZES, PAGE_PRESETS, PageError, type PagePreset, type PageTarget } from '../../arguments/export/page';
import { ScopeError } from '../../arguments/export/scope';
import type { ArgumentMap, Id } from '../../arguments/model';
import { layoutEngine } from '../layout/autoLayout';
import type { ExportChoices } from './exportState';

export type PageFit =
  | { kind: 'off' }
  | { kind: 'working'; what: string }
  | { kind: 'refused'; message: string }
  | { kind: 'one'; fitted: FittedFigure | null; message: string; ways: WaysOut | null }
  | { kind: 'set'; set: FigureSet };

/** The target the choices name, or why it cannot be. */
export function targetOf(c: ExportChoices): PageTarget | string {
  if (c.width === 'none') return 'off';
  try {
    const preset = c.width === 'custom' ? null : PAGE_PRESET_SIZES[c.width];
    return { widthMm: preset ? preset.widthMm : checkWidth(c.widthMm), maxHeightMm: preset ? preset.maxHeightMm : JOURNAL_TEXT_HEIGHT_MM, minTypePt: checkMinType(c.minTypePt) };
  } catch (err) {
    if (err instanceof PageError) return err.message;
    throw err;
  }
}

const r1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

export function fitWords(f: FittedFigure): string {
  return `Fits: ${Math.round(f.printed.widthMm)} × ${Math.round(f.printed.heightMm)} mm, smallest type ${r1(f.printed.smallestPt ?? 0)} pt (${DETAIL_LABELS[f.choice.detail].toLowerCase()}).`;
}

/** Fits the scope (or makes the set) whenever the choices change; stale answers are dropped. */
export function usePageFit(map: ArgumentMap, given: FigureOptions, choices: ExportChoices): PageFit {
  // A fitted page figure does not draw the list of sources yet (the CLI refuses the pair; the dialog says so).
  const options = useMemo(() => (given.citations ? { ...given, citations: false } : given), [given]);
  const [fit, setFit] = useState<PageFit>({ kind: 'off' });
  useEffect(() => {
    const target = targetOf(choices);
    if (target === 'off') return void setFit({ kind: 'off' });
    if (typeof target === 'string') return void setFit({ kind: 'refused', message: target });
    let cancelled = false;
    const detail: Detail | undefined = choices.detail === 'auto' ? undefined : choices.detail;
    const timer = setTimeout(async () => {
      setFit({ kind: 'working', what: choices.set ? 'Fitting each figure of the set…' : 'Fitting the figure to the page…' });
      try {
        const fitter = memoFitter(map, target, layoutEngine);
        if (choices.set) {
          const set = await makeFigureSet(map, { ...options, scope: { kind: 'all' } }, target, layoutEngine, { detail, fitter });
          if (!cancelled) setFit({ kind: 'set', set });
          return;
        }
        const outcome = await fitter(options, detail ? { detail } : {});
        if (cancelled) return;
        if (outcome.fits) return void setFit({ kind: 'one', fitted: outcome.fitted, message: fitWords(outcome.fitted), ways: null });
        setFit({ kind: 'one', fitted: null, message: outcome.message, ways: null });
        const ways = await waysOut(map, options, target, layoutEngine, { detail, fitter });
        if (!cancelled) setFit({ kind: 'one', fitted: null, message: outcome.message, ways });
      } catch (err) {
        if (cancelled) return;
        if (err instanceof ScopeError || err instanceof FigureSetError) setFit({ kind: 'refused', message: err.message });
        else setFit({ kind: 'refused', message: `The figure could not be fitted: ${err instanceof Error ? err.message : String(err)}` });
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [map, options, choices.width, choices.widthMm, choices.minTypePt, choices.detail, choices.set]);
  return fit;
}

interface Props {
  choices: ExportChoices;
  set: <K extends keyof ExportChoices>(key: K, value: ExportChoices[K]) => void;
  fit: PageFit;
  busy: boolean;
  /** A way out: export this claim alone. */
  chooseClaim: (id: Id) => void;
}

export function PageFitFields({ choices, set, fit, busy, chooseClaim }: Props) {
  const on = choices.width !== 'none';
  return (
    <fieldset className="aa-export-page">
      <legend>Page-ready figure</legend>
      <div className="aa-field">
        <label htmlFor="aa-export-width">Printed width</label>
        <select id="aa-export-width" value={choices.width} onChange={(e) => set('width', e.target.value as ExportChoices['width'])} disabled={busy}>
          <option value="none">As the map is arranged (no page fit)</option>
          {PAGE_PRESETS.map((p: PagePreset) => (
            <option key={p} value={p}>
              {PAGE_PRESET_SIZES[p].label}
            </option>
          ))}
          <option value="custom">Another width (mm)</option>
        </select>
      </div>
      {choices.width === 'custom' && (
        <div className="aa-field">
          <label htmlFor="aa-export-width-mm">Width (mm)</label>
          <input id="aa-export-width-mm" type="number" min={MIN_WIDTH_MM} max={MAX_WIDTH_MM} step={1} value={Number.isFinite(choices.widthMm) ? choices.widthMm : ''} onChange={(e) => set('widthMm', e.target.valueAsNumber)} disabled={busy} />
        </div>
      )}
      {on && (
        <>
          <div className="aa-field">
            <label htmlFor="aa-export-min-type">Smallest type (pt)</label>
            <input id="aa-export-min-type" type="number" min={MIN_TYPE_RANGE_PT[0]} max={MIN_TYPE_RANGE_PT[1]} step={0.5} value={Number.isFinite(choices.minTypePt) ? choices.minTypePt : ''} onChange={(e) => set('minTypePt', e.target.valueAsNumber)} disabled={busy} />
          </div>
          <div className="aa-field">
            <label htmlFor="aa-export-detail">Detail</label>
            <select id="aa-export-detail" value={choices.detail} onChange={(e) => set('detail', e.target.value as ExportChoices['detail'])} disabled={busy}>
              <option value="auto">The most that fits</option>
              {DETAILS.map((d) => (
                <option key={d} value={d}>
                  {DETAIL_LABELS[d]}
                </option>
              ))}
            </select>
          </div>
          <label>
            <input type="checkbox" checked={choices.set} onChange={(e) => set('set', e.target.checked)} disabled={busy} /> Figure set: an overview and one figure per claim
          </label>
          {choices.set && choices.format === 'pdf' && (
            <fieldset className="aa-export-pages">
              <legend>Save the set as</legend>
              <label>
                <input type="radio" name="aa-export-pages" checked={choices.pages === 'each'} onChange={() => set('pages', 'each')} disabled={busy} /> Separate files
              </label>
              <label>
                <input type="radio" name="aa-export-pages" checked={choices.pages === 'one'} onChange={() => set('pages', 'one')} disabled={busy} /> One PDF, a page for each figure
              </label>
            </fieldset>
          )}
          <FitMessage fit={fit} set={set} chooseClaim={chooseClaim} busy={busy} />
        </>
      )}
      {!on && fit.kind === 'refused' && <p className="aa-error">{fit.message}</p>}
    </fieldset>
  );
}

function FitMessage({ fit, set, chooseClaim, busy }: { fit: PageFit; set: Props['set']; chooseClaim: Props['chooseClaim']; busy: boolean }) {
  let text = '';
  let ways: WaysOut | null = null;
  let ok = false;
  if (fit.kind === 'working') text = fit.what;
  else if (fit.kind === 'refused') text = fit.message;
  else if (fit.kind === 'one') {
    text = fit.fitted ? fit.message : `Does not fit. ${fit.message}`;
    ok = !!fit.fitted;
    ways = fit.ways;
  } else if (fit.kind === 'set') {
    const s = fit.set;
    const bad = s.figures.filter((f) => !f.outcome.fits);
    ok = s.fits;
    text = s.fits
      ? `The set fits: ${s.figures[0]!.label} (overview) and ${setRangeLabel(s)}.${s.left.length > 0 ? ` In none of them: ${s.left.join(', ')}.` : ''}`
      : `The set does not fit: ${bad.map((f) => f.label).join(', ')} would be too small to read or too tall.`;
  }
  const fitting = ways?.smallerScopes.filter((s) => s.fits).slice(0, 4) ?? [];
  return (
    <div className={`aa-export-fit ${ok ? 'aa-fits' : ''}`}>
      <p id="aa-export-fit" role="status" aria-live="polite">
        {text}
      </p>
      {ways && (
        <div className="aa-export-ways" role="group" aria-label="Ways out">
          {ways.set?.fits && (
            <button type="button" onClick={() => set('set', true)} disabled={busy}>
              Export as a figure set ({setRangeLabel(ways.set)})
            </button>
          )}
          {ways.lowerDetail && (
            <button type="button" onClick={() => set('detail', ways.lowerDetail!)} disabled={busy}>
              Lower detail: {DETAIL_LABELS[ways.lowerDetail]}
            </button>
          )}
          {fitting.map((s) => (
            <button key={s.claim} type="button" onClick={() => chooseClaim(s.claim)} disabled={busy}>
              Only {s.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
