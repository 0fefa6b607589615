import path from 'node:path';
import { UnsafePathError } from '../apply/safe-path.ts';
import { didYouMeanSuffix } from '../core/did-you-mean.ts';
import { TOOL_VERSION } from '../core/tool-version.ts';
import { UsageProblem } from '../core/usage-problem.ts';
import { findLibraryRoot } from '../read/find-library-root.ts';
import { LibraryRootError } from '../read/read-library.ts';
import { formatCommandHelp, formatOverview, wrapUsage } from '../render/cli/command-help.ts';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE } from './command.ts';
import { COMMANDS } from './commands.ts';
import { flagSuggestion, parseCommandLine } from './parse-command-line.ts';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(formatOverview(COMMANDS, TOOL_VERSION));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout(`persona ${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const suggestion = name.startsWith('-')
      ? flagSuggestion(name, ['help', 'version'])
      : didYouMeanSuffix(
          name,
          COMMANDS.map((c) => c.name),
        );
    io.stderr(
      `persona: unknown ${name.startsWith('-') ? 'flag' : 'command'} "${name}".${suggestion}\n${formatOverview(COMMANDS, TOOL_VERSION)}`,
    );
    return EXIT_USAGE;
  }
  const parsed = parseCommandLine(command, rest);
  if (!parsed.ok) {
    io.stderr(
      `persona ${name}: ${parsed.problem}\n${usageOf(command)}\nRun \`persona ${name} --help\` for every flag.\n`,
    );
    return EXIT_USAGE;
  }
  const { args } = parsed;
  if (args.values.help) {
    io.stdout(formatCommandHelp(helpOf(command)));
    return EXIT_OK;
  }
  try {
    return await command.run(args, { ...io, root: libraryRoot(command, args.values.root, io.cwd) });
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

/** `--root` as given (relative to the current folder), else the root found from the current folder up. */
function libraryRoot(command: Command, option: unknown, cwd: string): string {
  if (typeof option === 'string') return path.resolve(cwd, option);
  if (command.needsLibrary === false) return cwd;
  const found = findLibraryRoot(cwd);
  if (found === null)
    throw new LibraryRootError(
      `no library root in ${cwd} or any folder above it (a library root holds personas/ and schemas/); run it inside a library, or give --root <dir>.`,
    );
  return found;
}

function helpOf(command: Command) {
  const flags = Object.entries(command.flags).map(([name, help]) => ({
    term: `--${name}${help.value ? ` ${help.value}` : ''}`,
    text: help.text,
  }));
  return {
    name: command.name,
    summary: command.summary,
    usage: command.usage,
    arguments: Object.entries(command.arguments ?? {}).map(([term, text]) => ({ term, text })),
    flags: [
      ...flags,
      ...(command.needsLibrary === false
        ? []
        : [
            {
              term: '--root <dir>',
              text: 'the library root (default: found from here upwards, as git does)',
            },
          ]),
      { term: '-h, --help', text: 'show this help' },
    ],
    examples: command.examples,
  };
}

function reportFailure(command: Command, error: unknown, io: CliIo): number {
  if (error instanceof UsageProblem) {
    io.stderr(`persona ${command.name}: ${error.message}\n${usageOf(command)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UnsafePathError) {
    io.stderr(`persona ${command.name}: ${error.message} Nothing was written.\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`persona ${command.name}: internal error: ${message.split('\n')[0]}\n`);
  if (io.env.PERSONA_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_USAGE;
}

function usageOf(command: Command): string {
  return wrapUsage(`usage: ${command.usage}`).join('\n');
}
