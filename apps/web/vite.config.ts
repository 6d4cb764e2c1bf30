import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev mode (`npm run dev -w @pictor/web`) the API runs on its own port; the proxy keeps
// everything same-origin so the session cookie and CSRF header work as in production.
const api = process.env.PICTOR_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 400 },
  // The WebSocket lives under /api too (/api/v1/realtime), so /api is proxied with upgrades.
  server: { proxy: { '/api': { target: api, ws: true }, '/media': api } },
});
