import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The CSP in renderer/index.html is the production one. The dev server needs an inline React
 * refresh preamble and a websocket for HMR, so only `vite` (serve) loosens it; builds keep it as is.
 */
function devCsp(): Plugin {
  return {
    name: 'workstation-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://127.0.0.1:*");
    },
  };
}

/** Renderer build: relative asset paths so it loads from app:// (Electron) and the loopback server alike. */
export const config = defineConfig({
  root,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    // The polyfill would be injected as code; Chromium/Electron support modulepreload natively.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: { host: '127.0.0.1', strictPort: false },
});

// Vite loads the config's default export; like vitest.config.ts, it is an allowed exception.
export default config;
