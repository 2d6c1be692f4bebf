// The benchmark's two pages, built into dist/bench beside the generated maps:
//   app.html       the real renderer (renderer/App.tsx with the real store), opening ?map=N
//   baseline.html  bare @xyflow/react with default settings and plain card nodes, same graph
// Built with the same React plugin and worker format as the web build (vite.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { startChunks } from '../scripts/startChunks';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));
export const BENCH_OUT_DIR = fileURLToPath(new URL('../dist/bench/', import.meta.url));

export default defineConfig({
  root: pages,
  base: './',
  plugins: [react(), startChunks()],
  logLevel: 'warn',
  build: {
    outDir: BENCH_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { app: `${pages}app.html`, baseline: `${pages}baseline.html` },
    },
  },
  worker: { format: 'es' },
});
