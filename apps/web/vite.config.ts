import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev mode (`npm run dev -w @pictor/web`) the API runs on its own port; the proxy keeps
// everything same-origin so the session cookie and CSRF header work as in production.
const api = process.env.PICTOR_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': api, '/media': api, '/ws': { target: api, ws: true } } },
});
