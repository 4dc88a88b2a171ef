// Bundles the extension, the language server, the CLI and the GitHub Action into dist/ (node_modules are not shipped).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // yaml's ES module build (the same code as its CommonJS one, but warnings go to console.warn and
  // binary scalars decode with atob): bundled from CommonJS, every call of isMap, isPair, ... went
  // through the interop getter esbuild puts on each export, which made a keystroke's check in a
  // 10,000-line manifest about a fifth slower; from ES modules they are plain function calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli-bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The CLI's worker threads load it from beside dist/cli.js.
  build({ ...common, entryPoints: ['server/src/cli-worker.ts'], outfile: 'dist/cli-worker.js' }),
  // The GitHub Action (action.yml); a release ref must carry it, as GitHub runs it from the repository.
  build({ ...common, entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' }),
]);
