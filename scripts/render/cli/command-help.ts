/** One line of a help section: what is typed (`--format <text|json|github>`, `FILES…`) and what it does. */
export interface HelpLine {
  term: string;
  text: string;
}

export interface CommandHelp {
  name: string;
  summary: string;
  usage: string;
  arguments: readonly HelpLine[];
  flags: readonly HelpLine[];
  examples: readonly string[];
}

/**
 * `persona <command> --help`: the summary, the usage line, then one line per argument and per flag (terms
 * aligned), then examples to copy.
 */
export function formatCommandHelp(help: CommandHelp): string {
  const width = Math.max(...[...help.arguments, ...help.flags].map((line) => line.term.length));
  const section = (title: string, lines: readonly HelpLine[]) =>
    lines.length === 0
      ? []
      : ['', `${title}:`, ...lines.map((line) => `  ${line.term.padEnd(width)}  ${line.text}`)];
  return `${[
    `persona ${help.name}: ${help.summary}`,
    '',
    ...wrapUsage(`usage: ${help.usage}`),
    ...section('arguments', help.arguments),
    ...section('flags', help.flags),
    ...(help.examples.length === 0 ? [] : ['', 'examples:', ...help.examples.map((e) => `  ${e}`)]),
  ].join('\n')}\n`;
}

/** `persona --help`: every command with its summary (the bench reads the two-space-indented lines). */
export function formatOverview(
  commands: ReadonlyArray<{ name: string; summary: string }>,
  version: string,
): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `persona ${version}: validate, merge and publish a library of personas`,
    '',
    'usage: persona <command> [FILES…] [--root <dir>] [flags]',
    '       persona --version',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `persona <command> --help` for its flags and examples. The library root is found from the current',
    'folder upwards (the nearest folder with personas/ and schemas/), or given with --root <dir>.',
    'Exit codes: 0 ok, 1 problems found, 2 usage or internal error.',
    '',
  ].join('\n');
}

/** The usage line wrapped at 100 columns between its parts (`[--flag <value>]` stays whole), aligned after the command. */
export function wrapUsage(usage: string, width = 100): string[] {
  const parts = usage.match(/(?:\[[^\]]*\]|"[^"]*"|[^\s"[])+/g) ?? [];
  // "usage: persona <name> ": what the continuation lines are indented by.
  const indent = ' '.repeat(parts.slice(0, 3).join(' ').length + 1);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line !== '' && line.length + 1 + part.length > width) {
      lines.push(line);
      line = `${indent}${part}`;
    } else line = line === '' ? part : `${line} ${part}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
