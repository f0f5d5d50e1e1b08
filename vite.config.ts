import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The production renderer: plain files under dist/renderer, loaded from app://renderer/ by Electron
// and from a local test server by the browser tests. No inline scripts (CSP script-src 'self').
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'chrome130',
  },
  esbuild: { jsx: 'automatic' },
});
