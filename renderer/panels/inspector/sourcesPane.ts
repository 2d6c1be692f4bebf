// The inspector's bridge to the sources pane: which source it shows, and "Show in the
// sources pane" for a node's quote. The pane follows the current node (the
// selected node that quotes, else the store's focusQuote): when it changes, the pane opens
// the quoted source's tab and scrolls to the quote. The inspector's node is usually current
// already, and the reader may since have opened another tab or scrolled away; so this also
// brings the pane back, through the pane's request (showSource) and the quote it marks current.
import type { Id } from '../../../arguments/model';
import { editor, getMap, select } from '../../store/store';
import { showSource } from '../../sources/paneState';
import { togglePane, ui } from '../uiState';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function pane(): HTMLElement | null {
  return document.querySelector<HTMLElement>('aside[aria-label="Sources"]');
}

/** The source whose text the pane shows, if it is open. */
export function sourceShownInPane(): Id | null {
  return pane()?.querySelector<HTMLElement>('[data-testid="source-text"][data-source-id]')?.dataset.sourceId ?? null;
}

/** The source of the quote the pane last showed (the store's focusQuote). */
export function focusedQuoteSource(): Id | null {
  const { focusQuote } = editor.getState();
  const nodes = getMap().nodes;
  return focusQuote && Object.hasOwn(nodes, focusQuote) ? (nodes[focusQuote]!.quote?.source ?? null) : null;
}

export async function showQuoteInSources(nodeId: Id, sourceId: Id): Promise<void> {
  if (!ui.getState().panes.sources) togglePane('sources');
  select({ nodes: [nodeId], relations: [] });
  editor.setState({ focusQuote: nodeId });
  await frame();
  const shown = (): Element | null | undefined => pane()?.querySelector(`[data-testid="source-text"][data-source-id="${CSS.escape(sourceId)}"]`);
  if (!shown()) {
    // The reader has opened another tab since: ask the pane for this source's tab.
    showSource(sourceId);
    await frame();
  }
  const current =
    shown()?.querySelector<HTMLElement>('[aria-current="true"]') ?? pane()?.querySelector<HTMLElement>(`.aa-src-problem[data-node-id="${CSS.escape(nodeId)}"]`);
  current?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
