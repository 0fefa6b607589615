import type { Command } from './command.ts';
import { fmtCommand } from './commands/fmt.ts';
import { newCommand } from './commands/new.ts';
import { validateCommand } from './commands/validate.ts';
// @anchor command imports — one line per command, keep sorted

/** Every `persona <command>`. Each command lives in its own file under commands/. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  newCommand,
  fmtCommand,
  // @anchor commands — one line per command
];
