import { lstatSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_URL } from '../core/repository.ts';
import { UsageProblem } from '../core/usage-problem.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';

const DEFAULT_OUT = 'catalogue';
const BRANCH = 'main';
/** Folders of the library that a catalogue must never be written into (it prunes what it generated before). */
const PROTECTED = ['personas', 'contributions', 'schemas', '.git', '.github'];

export interface CatalogueTarget {
  /** Absolute folder the catalogue goes to. */
  outDir: string;
  /** How reports name it: relative to the root when inside it, else absolute. */
  outLabel: string;
  options: CatalogueOptions;
}

/**
 * Where `persona catalogue` writes: `--out` (relative to the working directory) or `<root>/catalogue`, refusing
 * places the pruning could harm (the root or a folder above it, the library's own folders, a link).
 */
export function catalogueTarget(root: string, cwd: string, option: string | undefined): CatalogueTarget {
  const outDir = option === undefined ? path.join(root, DEFAULT_OUT) : path.resolve(cwd, option);
  const fromOut = path.relative(outDir, root);
  if (fromOut === '' || !fromOut.startsWith('..'))
    throw new UsageProblem(
      `--out must be a folder of its own, not the library root or a folder above it; got "${option}".`,
    );
  for (const folder of PROTECTED) {
    const inside = path.relative(path.join(root, folder), outDir);
    if (inside === '' || !(inside.startsWith('..') || path.isAbsolute(inside)))
      throw new UsageProblem(`--out must not be inside ${folder}/; got "${option}".`);
  }
  if (lstatSync(outDir, { throwIfNoEntry: false })?.isSymbolicLink())
    throw new UsageProblem(
      `${path.relative(cwd, outDir) || outDir} is a symbolic link; give the real folder.`,
    );
  const fromRoot = path.relative(root, outDir);
  // Inside the library: `catalogue`; elsewhere the absolute path reads better than a ladder of `../`.
  const outLabel =
    fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? toPosix(outDir) : toPosix(fromRoot);
  return {
    outDir,
    outLabel,
    options: {
      repositoryUrl: REPOSITORY_URL,
      branch: BRANCH,
      rootFromCatalogue: toPosix(path.relative(outDir, root)),
      outDir: outLabel,
    },
  };
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
