import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The signed-bundle verifier (src/verifier, decision 036) is CommonJS so that plain `node` runs it; the
 * build bundles CommonJS as it is, but the dev server serves modules as they are: there, its
 * `require` of a sibling and its `module.exports` become an import and exports.
 */
function verifierAsModules(): Plugin {
  return {
    name: 'thidua-verifier-as-modules',
    apply: 'serve',
    enforce: 'pre',
    transform(code, id) {
      if (!/src\/verifier\/verify-bundle-[\w-]+\.js$/.test(id)) return null;
      return code
        .replace(/const (\w+) = require\(['"](\.\/[\w-]+\.js)['"]\);/g, "import * as $1 from '$2';")
        .replace(/module\.exports = \{([^}]*)\};/, 'export {$1};');
    },
  };
}

// Built into web/dist, which the NestJS app serves at `/` (same origin as /api/v1: no CORS).
// `npm run dev -w web` proxies the API to a service started with `npm start`.
export default defineConfig({
  // Each asset also as .br and .gz, which the service sends as they are (@fastify/static
  // preCompressed): a phone on a slow network downloads about a third of the bytes.
  plugins: [
    verifierAsModules(),
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], deleteOriginalAssets: false }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
