import { fileURLToPath } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dealer web app. `npm run build` (scripts/build.mjs) builds it into dist/, which the gateway serves
// at / (compressed and cached there). `npm run dev -w client/web` serves it with hot reload, sending
// /graphql and /auth to a gateway on :4000.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    // One React for the app and the libraries (a second copy breaks hooks).
    dedupe: ['react', 'react-dom'],
    alias: { '@generated': fileURLToPath(new URL('../generated', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Routes load their screens on demand; the first page needs the shell and the screen it shows.
    chunkSizeWarningLimit: 500,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/auth': 'http://localhost:4000',
      '/documents': 'http://localhost:4000',
    },
  },
});
