import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// Built into web/dist, which the NestJS app serves at `/` (same origin as /api/v1: no CORS).
// `npm run dev -w web` proxies the API to a service started with `npm start`.
export default defineConfig({
  // Each asset also as .br and .gz, which the service sends as they are (@fastify/static
  // preCompressed): a phone on a slow network downloads about a third of the bytes.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], deleteOriginalAssets: false })],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
