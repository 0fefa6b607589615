import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/**
 * The layers of scripts/ (ARCHITECTURE.md), lowest first. A module may import its own layer and the layers
 * below it, never one above: the stages read → parse → check → plan → render → apply are pure but for read
 * (bytes in) and apply (the only writes); accel makes them fast behind the same signatures; pipeline
 * composes them; the shells sit on top. github/ is the one GitHub API client and knows nothing of the library.
 */
const LAYERS = [
  'core',
  'read',
  'parse',
  'check',
  'plan',
  'render',
  'apply',
  'accel',
  'pipeline',
  'github',
  'action',
  'cli',
];
/** What each layer may import besides itself: by default every layer below it. */
const ALLOWED: Record<string, readonly string[]> = {
  github: ['core'],
};

const SCRIPTS = path.join(REPO_ROOT, 'scripts');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const layerOf = (file: string) => path.relative(SCRIPTS, file).split(path.sep)[0] ?? '';

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  const explicit = ALLOWED[from];
  if (explicit) return explicit.includes(to);
  const rankFrom = LAYERS.indexOf(from);
  const rankTo = LAYERS.indexOf(to);
  return (
    rankFrom >= 0 &&
    rankTo >= 0 &&
    rankTo < rankFrom &&
    !(ALLOWED[to] && to === 'github' && from !== 'action' && from !== 'cli')
  );
}

/** Every import of a module of scripts/ that goes against the layers, as `from → to`. */
function layerViolations(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (!spec) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SCRIPTS + path.sep)) continue;
      const [from, to] = [layerOf(file), layerOf(target)];
      if (!allowed(from, to))
        out.push(`${path.relative(REPO_ROOT, file)} (${from}) → ${path.relative(REPO_ROOT, target)} (${to})`);
    }
  }
  return out.sort();
}

describe('the layers of scripts/', () => {
  const files = sources(SCRIPTS);

  it('puts every module in a known layer', () => {
    const unknown = [...new Set(files.map(layerOf))].filter(
      (layer) => !LAYERS.includes(layer) && layer !== 'build',
    );
    expect(unknown).toEqual([]);
  });

  it('never imports from a higher layer', () => {
    expect(layerViolations(files)).toEqual([]);
  });

  it('the check can fail: an import from a higher layer is found', () => {
    const found = layerViolations([path.join(SCRIPTS, 'core/diagnostic.ts')]);
    expect(found).toEqual([]);
    expect(allowed('check', 'render')).toBe(false);
    expect(allowed('render', 'check')).toBe(true);
    expect(allowed('github', 'pipeline')).toBe(false);
    expect(allowed('pipeline', 'github')).toBe(false);
    expect(allowed('action', 'github')).toBe(true);
  });
});
