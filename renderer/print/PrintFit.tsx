// The canvas's part in printing: fits the whole map into the print box (printFit.ts) at once,
// and puts the view back after. Rendered inside the ReactFlowProvider.
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import { afterPrint, beforePrint, printLayout, setPrintFitter } from './printFit';

const root = () => document.documentElement;

export function PrintFit() {
  const flow = useReactFlow();
  useEffect(() => {
    setPrintFitter({
      fitForPrint: () => {
        const canvas = document.querySelector<HTMLElement>('.aa-canvas');
        const nodes = flow.getNodes();
        if (!canvas || nodes.length === 0) return () => undefined;
        const bounds = flow.getNodesBounds(nodes);
        const layout = printLayout(bounds, { width: canvas.clientWidth, height: canvas.clientHeight });
        const before = flow.getViewport();
        const view = getViewportForBounds(bounds, layout.box.width, layout.box.height, 0.005, layout.maxZoom, layout.padding);
        const style = root().style;
        root().dataset.printOrientation = layout.orientation;
        style.setProperty('--aa-print-width', `${layout.box.width}px`);
        style.setProperty('--aa-print-height', `${layout.box.height}px`);
        style.setProperty('--aa-print-zoom', String(layout.zoom));
        // Rendered now: the page is laid out for print as soon as this handler returns.
        flushSync(() => void flow.setViewport(view));
        return () => {
          delete root().dataset.printOrientation;
          for (const p of ['--aa-print-width', '--aa-print-height', '--aa-print-zoom']) style.removeProperty(p);
          void flow.setViewport(before);
        };
      },
    });
    return () => setPrintFitter(null);
  }, [flow]);
  return null;
}

/** Listens for printing, however it was asked for (the browser's menu, Ctrl+P, the desktop menu). */
export function startPrinting(): () => void {
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  return () => {
    window.removeEventListener('beforeprint', beforePrint);
    window.removeEventListener('afterprint', afterPrint);
  };
}
