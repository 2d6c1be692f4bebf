// The main window: toolbar, sources | map | inspector, notices and dialogs.
import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from './canvas/MapCanvas';
import { FileDialogs } from './files/FileDialogs';
import { handlePaste, handleShortcut, noteSelectionBeforeKey } from './keyboard';
import { ConnectDialog } from './panels/ConnectDialog';
import { Inspector } from './panels/Inspector';
import { NoticeBar } from './panels/NoticeBar';
import { Toolbar } from './panels/Toolbar';
import { useUi } from './panels/uiState';
import { TitleBar } from './panels/TitleBar';
import { SourceDialogs } from './sources/SourceDialogs';
import { SourcesPane } from './sources/SourcesPane';
import { FindBar } from './find/FindBar';
import { useOutlineMode } from './outline/outlineState';
import { whenWanted } from './lazy';
import { SeminarHostUi } from './seminar-host/entry';
import { PrintFit } from './print/PrintFit';
import { CommentsPanel } from './comments/CommentsPanel';
import { PresentationBar } from './present/PresentationBar';
import { PresentDialog } from './present/PresentDialog';
import { useEditor } from './store/store';
import { CompareUi } from './compare/entry';
import { LiveUi } from './live/LiveBar';

// The outline is loaded the first time it is shown.
const OutlineView = whenWanted(
  () => import('./outline/OutlineView').then((m) => m.OutlineView),
  () => useOutlineMode() !== 'off',
);

export function App() {
  const panes = useUi((s) => s.panes);
  const outline = useOutlineMode();
  // A presentation shows the map alone, full window (the panes come back when it ends).
  const presenting = useEditor((s) => s.presentation !== null);
  useEffect(() => {
    window.addEventListener('keydown', noteSelectionBeforeKey, true);
    window.addEventListener('keydown', handleShortcut);
    window.addEventListener('paste', handlePaste);
    return () => {
      window.removeEventListener('paste', handlePaste);
      window.removeEventListener('keydown', noteSelectionBeforeKey, true);
      window.removeEventListener('keydown', handleShortcut);
    };
  }, []);
  return (
    <ReactFlowProvider>
      <PrintFit />
      <div
        className={
          presenting
            ? 'aa-app aa-presenting'
            : `aa-app${panes.sources ? ' with-sources' : ''}${panes.inspector ? ' with-inspector' : ''}${outline !== 'off' ? ` with-outline outline-${outline}` : ''}`
        }
      >
        <header className="aa-header">
          <TitleBar />
          <Toolbar />
        </header>
        <LiveUi />
        <NoticeBar />
        <FindBar />
        <main className="aa-main">
          {!presenting && panes.sources && <SourcesPane />}
          {(presenting || outline !== 'instead') && <MapCanvas />}
          {!presenting && outline !== 'off' && <OutlineView />}
          {!presenting && panes.inspector && <Inspector />}
          {!presenting && <CommentsPanel />}
          <CompareUi />
        </main>
        <PresentationBar />
        <PresentDialog />
        <ConnectDialog />
        <SourceDialogs />
        <FileDialogs />
        <SeminarHostUi />
      </div>
    </ReactFlowProvider>
  );
}
