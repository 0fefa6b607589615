// Bundles the CLI and the action entry points into dist/ with esbuild, so GitHub Actions can run the tools
// with no `npm ci`. typescript@7 has no JS compiler API, so ncc cannot be used; esbuild strips types itself.
import path from 'node:path';
import { build } from 'esbuild';

// Bundled CommonJS dependencies call require() and read __filename (write-file-atomic names its temp files
// with it); an ESM bundle has neither unless we create them. `define` points the free identifiers at names
// no module declares, so nothing in the bundle can clash with the banner.
const banner = [
  "import { createRequire as __personaCreateRequire } from 'node:module';",
  "import { fileURLToPath as __personaFileURLToPath } from 'node:url';",
  'const require = __personaCreateRequire(import.meta.url);',
  'const __personaFilename = __personaFileURLToPath(import.meta.url);',
  "const __personaDirname = __personaFilename.slice(0, __personaFilename.lastIndexOf('/'));",
].join('\n');

/** The repository root, so output (and its path comments) is the same whatever the working directory. */
export const REPO_ROOT = new URL('../..', import.meta.url).pathname;

/**
 * `@actions/core` imports `@actions/http-client`, which loads undici and tunnel as it loads, for proxy agents
 * the tools never ask for (they serve OIDC tokens): about a sixth of an action's start. In the bundles, those two
 * imports become modules that load the real ones on first use.
 */
const LAZY_MODULES = {
  undici: `let loaded;
const load = () => (loaded ??= require('undici'));
export class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args);
  }
}`,
  tunnel: `let loaded;
const load = () => (loaded ??= require('tunnel'));
export const httpOverHttp = (...args) => load().httpOverHttp(...args);
export const httpsOverHttp = (...args) => load().httpsOverHttp(...args);
export const httpOverHttps = (...args) => load().httpOverHttps(...args);
export const httpsOverHttps = (...args) => load().httpsOverHttps(...args);`,
};
const HTTP_CLIENT = `${path.sep}@actions${path.sep}http-client${path.sep}`;

const lazyProxyModules = {
  name: 'lazy-proxy-modules',
  setup(build) {
    build.onResolve({ filter: /^(undici|tunnel)$/ }, (args) =>
      args.importer.includes(HTTP_CLIENT)
        ? { path: args.path, namespace: 'lazy-module', pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: LAZY_MODULES[args.path],
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/** Shared by `npm run build` (writes dist/) and the check-dist script (builds into a temp dir and compares). */
export const bundleOptions = {
  entryPoints: {
    // `persona <command>`: bin/persona.js and the comment workflow run this.
    persona: 'scripts/cli/entry.ts',
    // The validate workflow's step: annotations, job summary, report artifact.
    'validate-action': 'scripts/action/validate-entry.ts',
    // The apply workflow's step: merge, catalogue, commit message.
    'apply-action': 'scripts/action/apply-entry.ts',
  },
  absWorkingDir: REPO_ROOT,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  define: { __filename: '__personaFilename', __dirname: '__personaDirname' },
  legalComments: 'none',
  logLevel: 'warning',
  // Deterministic output: no absolute paths or timestamps end up in the bundle.
  sourcemap: false,
  metafile: false,
  plugins: [lazyProxyModules],
};

export async function bundle(overrides = {}) {
  return build({ ...bundleOptions, ...overrides });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle();
}
