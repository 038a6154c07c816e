import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into web/dist, which the NestJS app serves at `/` (same origin as /api/v1: no CORS).
// `npm run dev -w web` proxies the API to a service started with `npm start`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
