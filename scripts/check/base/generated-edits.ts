import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';

/** What the tools generate on main; a pull request that only changes data never needs to touch it. */
export const GENERATED_PATHS = ['catalogue/', '.github/ISSUE_TEMPLATE/contribute.yml'] as const;

/** The tools themselves: a pull request that changes these regenerates the catalogue, and CI checks it. */
export const TOOL_PATHS = [
  'scripts/',
  'schemas/',
  'dist/',
  'bench/',
  'bin/',
  '.ci/',
  '.github/workflows/',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'biome.json',
  'vitest.config.ts',
] as const;

const under = (file: string, prefixes: readonly string[]) =>
  prefixes.some((p) => file === p || file.startsWith(p));

/**
 * `catalogue/edited`: a data pull request (one that changes no tool) changed a generated file. The apply
 * workflow regenerates them on main after every merge, so the edit would be overwritten, and two pull
 * requests that both carry regenerated files conflict. A pull request that changes the tools may regenerate
 * them; CI's `catalogue --check` then holds them to the tools.
 */
export function generatedEdits(changed: readonly { file: string; added: boolean }[]): Diagnostic[] {
  if (changed.some(({ file }) => under(file, TOOL_PATHS))) return [];
  return changed
    .filter(({ file }) => under(file, GENERATED_PATHS))
    .map(({ file, added }) =>
      diagnostic(
        file,
        START_OF_FILE,
        'catalogue/edited',
        'This file is generated: the apply workflow regenerates it on main after every merge, so a pull request that changes personas or contributions leaves it out.',
        `Take it out of the pull request: \`${added ? `git rm --cached ${shellQuote(file)}` : `git checkout origin/main -- ${shellQuote(file)}`}\`, then commit. To change what it says, change the persona (or the tools that render it).`,
      ),
    );
}

/** 'it''s' quoting, for a file name shown in a command to paste. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
