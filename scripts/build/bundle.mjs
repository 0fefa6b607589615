// Bundles the CLI (and the action entry points) into dist/ with esbuild, so GitHub Actions can run the tool
// with no `npm ci`. typescript@7 has no JS compiler API, so ncc cannot be used; esbuild strips types itself.
import { build } from 'esbuild';

// Bundled CommonJS dependencies call require(); an ESM bundle has none unless we create one.
// Some (write-file-atomic) also read __filename / __dirname.
const banner = [
  "import { createRequire as __personaCreateRequire } from 'node:module';",
  "import { fileURLToPath as __personaFileURLToPath } from 'node:url';",
  'const require = __personaCreateRequire(import.meta.url);',
  'const __filename = __personaFileURLToPath(import.meta.url);',
  "const __dirname = __personaFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

/** Shared by `npm run build` (writes dist/) and the check-dist test (builds into memory and compares). */
export const bundleOptions = {
  entryPoints: { persona: 'scripts/cli/entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
  // Deterministic output: no absolute paths or timestamps end up in the bundle.
  sourcemap: false,
  metafile: false,
};

export async function bundle(overrides = {}) {
  return build({ ...bundleOptions, ...overrides });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle();
}
