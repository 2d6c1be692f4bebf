import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './renderer/csp.ts';
import { startChunks } from './scripts/startChunks.ts';

/** Adds the CSP meta tag to the built page only (the dev server needs inline scripts). */
const csp = {
  name: 'argument-atlas-csp',
  apply: 'build' as const,
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' as const }],
};

// The renderer as a plain web build (dist/renderer): the same bundle the Electron window loads.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), csp, startChunks()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One bundle for an offline desktop app: nothing is fetched over a network.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  // Pre-bundle ELK and PDFKit so the dev server does not reload the page the first time a layout or a PDF export runs.
  optimizeDeps: { include: ['elkjs/lib/elk.bundled.js', 'pdfkit', 'svg-to-pdfkit'] },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
