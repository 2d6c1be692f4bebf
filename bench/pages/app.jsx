// Benchmark page: the real Argument Atlas renderer (App, its store, its canvas), opening the
// generated map named by ?map=N (maps/N.argmap.json, same origin) the way the app opens a
// file: the text is loaded and validated by loadMap and becomes the open document. What
// startApp() adds around that (the IndexedDB backup check, backups, window handlers, the
// bundled seed map) is left out: it is not part of showing a map. The theme's colours are in, as
// renderer/main.tsx loads them (without them the cards draw no frame).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../../renderer/theme/colours.css';
import '../../renderer/styles.css';
import { App } from '../../renderer/App';
import { loadMap } from '../../arguments/format/load';
import { documentState, replaceDocument } from '../../renderer/store/store';
import { setFilePlatform } from '../../renderer/files/fileCommands';
import { platform } from '../../renderer/platform';
import { installProbe, reportError, reportWhenReady } from './probe.js';

installProbe();

async function main() {
  const size = new URLSearchParams(location.search).get('map') ?? '100';
  const response = await fetch(`maps/${encodeURIComponent(size)}.argmap.json`);
  if (!response.ok) throw new Error(`maps/${size}.argmap.json: HTTP ${response.status}`);
  const result = loadMap(new Uint8Array(await response.arrayBuffer()));
  if (!result.ok) throw new Error(`maps/${size}.argmap.json does not load: ${result.errors.map((e) => e.message).join('; ')}`);
  setFilePlatform(platform);
  replaceDocument(documentState(result.map, `${size}.argmap.json`, null));
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The app moves the view to its opening position once the nodes are measured.
  reportWhenReady({ viewportMoved: true });
}

main().catch(reportError);
