import type { ParseArgsConfig } from 'node:util';
import { didYouMeanSuffix } from '../core/did-you-mean.ts';
import { UsageProblem } from '../core/usage-problem.ts';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Ctrl-C as a signal, for a resident command (`validate --watch`): once asked for, the first Ctrl-C (or
   * SIGTERM) aborts it so the command finishes cleanly; a second one stops the process as usual. Commands
   * that never ask keep the default: Ctrl-C stops them at once.
   */
  interrupt?(): AbortSignal;
}

export interface CommandContext extends CliIo {
  /**
   * Absolute library root: `--root`, else the nearest folder holding `personas/` and `schemas/`, from the
   * current folder up (as git finds its repository). A command that needs no library gets the current folder.
   */
  root: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One line of `--help`: what to type after the flag (`<dir>`), and what the flag does. */
export interface FlagHelp {
  value?: string;
  text: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** `--help`'s line for each option, by option name: every option has one (test/cli holds them in step). */
  flags: Readonly<Record<string, FlagHelp>>;
  /** `--help`'s positional arguments, such as `FILES…`, each with what it means. */
  arguments?: Readonly<Record<string, string>>;
  /** Command lines a user can copy, shown by `--help`. */
  examples: readonly string[];
  allowPositionals?: boolean;
  /** False for a command that reads only what its flags name (no library root is looked for). */
  needsLibrary?: boolean;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

/** A problem with how the command was called: exit 2 with the message, no stack trace. */
export class UsageError extends UsageProblem {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function oneOf<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = stringOption(args, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(
      `--${name} must be one of ${allowed.join(', ')}; got "${value}".${didYouMeanSuffix(value, allowed)}`,
    );
  }
  return value as T;
}
