// Which source the sources pane is asked to show (renderer/sources/paneState.ts): a source
// shown from a dialog opens the pane if it is closed, and asking again for the same source
// shows it again (a new request each time).
import { describe, expect, it } from 'vitest';
import { togglePane, ui } from '../../../../renderer/panels/uiState';
import { showSource, sourcesPane, togglePanel } from '../../../../renderer/sources/paneState';

describe('showing a source', () => {
  it('opens the sources pane when it is closed', () => {
    if (ui.getState().panes.sources) togglePane('sources');
    showSource('letter');
    expect(ui.getState().panes.sources).toBe(true);
    expect(sourcesPane.getState().request).toEqual({ id: 'letter' });
  });

  it('each request is new, so the same source is shown again after the user chose another tab', () => {
    showSource('letter');
    const first = sourcesPane.getState().request;
    showSource('letter');
    expect(sourcesPane.getState().request).not.toBe(first);
  });

  it('the details and the citations panels toggle, or are set', () => {
    togglePanel('details', false);
    togglePanel('details');
    expect(sourcesPane.getState().details).toBe(true);
    togglePanel('cite', true);
    togglePanel('cite', true);
    expect(sourcesPane.getState().cite).toBe(true);
  });
});
