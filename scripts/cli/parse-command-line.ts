import { parseArgs } from 'node:util';
import { didYouMean } from '../core/did-you-mean.ts';
import type { Command, ParsedArgs } from './command.ts';

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParseOutcome = { ok: true; args: ParsedArgs } | { ok: false; problem: string };

/**
 * The command's flags and arguments, strictly: an unknown flag, a flag missing its value (or given one it does
 * not take) and an argument the command does not take are each a problem, said in the user's terms with a
 * "did you mean" where one fits, never node's own wording.
 */
export function parseCommandLine(command: Command, argv: readonly string[]): ParseOutcome {
  const options = { ...command.options, ...COMMON_OPTIONS };
  try {
    const args = parseArgs({
      args: [...argv],
      options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    }) as ParsedArgs;
    return { ok: true, args };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = quoted.split('=')[0] ?? quoted;
      return { ok: false, problem: `unknown flag ${flag}.${flagSuggestion(flag, Object.keys(options))}` };
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /^(--?[^\s=<]+)/.exec(quoted)?.[1] ?? quoted;
      const name = flag.replace(/^--?/, '');
      const takesValue = (options as Record<string, { type: string }>)[name]?.type === 'string';
      return {
        ok: false,
        problem: takesValue
          ? `${flag} needs a value${valueHint(command, name)}; to give one that starts with "-", write ${flag}=<value>.`
          : `${flag} takes no value; write it alone, as ${flag}.`,
      };
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return {
        ok: false,
        problem: `unexpected argument "${quoted}": \`persona ${command.name}\` takes flags only.`,
      };
    }
    return { ok: false, problem: message };
  }
}

/**
 * " Did you mean `--x`?" for a mistyped flag: the flags it is the start of (`--dry` → `--dry-run`), else the
 * nearest by edit distance (`--formt` → `--format`); empty when nothing is close.
 */
export function flagSuggestion(typed: string, optionNames: readonly string[]): string {
  const known = optionNames.map((name) => `--${name}`);
  const bare = typed.replace(/^-+/, '');
  if (bare === '') return '';
  const prefixed = known.filter((flag) => flag.slice(2).startsWith(bare.toLowerCase()));
  if (prefixed.length === 1) return ` Did you mean \`${prefixed[0]}\`?`;
  const quoted = prefixed.map((flag) => `\`${flag}\``);
  if (quoted.length > 1) return ` Did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}?`;
  const near = didYouMean(`--${bare}`, known);
  return near === undefined ? '' : ` Did you mean \`${near}\`?`;
}

/** ", such as <dir>" from the flag's help, so the user sees what kind of value is wanted. */
function valueHint(command: Command, name: string): string {
  const value = command.flags[name]?.value ?? (name === 'root' ? '<dir>' : undefined);
  return value === undefined ? '' : ` (${value})`;
}
