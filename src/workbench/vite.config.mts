import { defineConfig } from 'vite';

/**
 * The workbench, built into dist/workbench/ (`npm run build`, or scripts/build-if-stale.cjs on start),
 * which the express app serves at `/`. Paths are relative to the repository root, where both run it.
 * No inline script or style is emitted, so the Content-Security-Policy stays `script-src 'self'`.
 */
export default defineConfig({
  root: 'src/workbench',
  base: '/',
  publicDir: false,
  build: {
    outDir: '../../dist/workbench',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Every browser that runs ES2022 modules supports modulepreload, so no polyfill is needed.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    target: 'es2022',
  },
});
