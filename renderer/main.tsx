import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './theme/colours.css';
import './styles.css';
import './print/print.css';
import { App } from './App';
import { startApp } from './files/startup';
import { startTheme } from './theme/applyTheme';
import { startPrinting } from './print/PrintFit';
import { loadRouting } from './canvas/avoid';
import { offerJoinFromAddress } from './live/entry';

// Before the first render, so the page never shows the other theme first.
startTheme();
startPrinting();
// Opened at a seminar's join address: the join screen comes up over the app.
offerJoinFromAddress();
// libavoid (edge routing, WASM) loads beside the app's start: figures and the canvas route with it.
Promise.all([startApp(), loadRouting()]).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
