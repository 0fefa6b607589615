import path from 'node:path';
import { parseArgs } from 'node:util';
import { UnsafePathError } from '../apply/safe-path.ts';
import { didYouMeanSuffix } from '../core/did-you-mean.ts';
import { LibraryRootError } from '../read/read-library.ts';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE, type ParsedArgs, UsageError } from './command.ts';
import { COMMANDS } from './commands.ts';

const COMMON_OPTIONS = {
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(
      `persona: unknown command "${name}".${didYouMeanSuffix(
        name,
        COMMANDS.map((c) => c.name),
      )}\n${overview()}`,
    );
    return EXIT_USAGE;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs({
      args: [...rest],
      options: { ...command.options, ...COMMON_OPTIONS },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    }) as ParsedArgs;
  } catch (error) {
    const flag = /'(--?[^']+)'/.exec((error as Error).message)?.[1] ?? '';
    const known = Object.keys({ ...command.options, ...COMMON_OPTIONS }).map((o) => `--${o}`);
    io.stderr(
      `persona ${name}: ${(error as Error).message}${flag ? didYouMeanSuffix(flag, known) : ''}\nusage: ${command.usage}\n`,
    );
    return EXIT_USAGE;
  }
  if (args.values.help) {
    io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
    return EXIT_OK;
  }
  const root = path.resolve(io.cwd, typeof args.values.root === 'string' ? args.values.root : '.');
  try {
    return await command.run(args, { ...io, root });
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

function reportFailure(command: Command, error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof LibraryRootError) {
    io.stderr(`persona ${command.name}: ${error.message}\nusage: ${command.usage}\n`);
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

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: persona <command> [--root <dir>] [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `persona <command> --help` for its options. Exit codes: 0 ok, 1 problems found, 2 usage or internal error.',
    '',
  ].join('\n');
}
