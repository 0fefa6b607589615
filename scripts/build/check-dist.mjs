// The actions/typescript-action "check-dist" convention: rebuild the bundles into a temp dir and compare
// them byte for byte with the committed dist/, so a source change without `npm run build` fails CI.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle, REPO_ROOT } from './bundle.mjs';

/** Every file under `dir`, relative with `/`, sorted by code point; none when the folder is missing. */
function listFiles(dir) {
  const out = [];
  const walk = (relative) => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Returns what differs between a fresh build and `distDir`: `[{ file, problem }]`, empty when current.
 * The fresh build goes to a temp dir that is always removed.
 */
export async function checkDist(distDir = path.join(REPO_ROOT, 'dist')) {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'persona-check-dist-'));
  try {
    await bundle({ outdir: fresh });
    const built = listFiles(fresh);
    const committed = new Set(listFiles(distDir));
    const problems = [];
    for (const file of built) {
      if (!committed.has(file)) problems.push({ file, problem: 'missing from dist/' });
      else if (!readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(distDir, file)))) {
        problems.push({ file, problem: 'differs from a fresh build' });
      }
      committed.delete(file);
    }
    for (const file of committed) problems.push({ file, problem: 'is not produced by the build any more' });
    return problems;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const problems = await checkDist(distDir);
  if (problems.length === 0) {
    console.log('dist/ is current.');
  } else {
    for (const { file, problem } of problems) console.error(`dist/${file} ${problem}`);
    console.error('dist/ is stale: run `npm run build` and commit dist/.');
    process.exitCode = 1;
  }
}
