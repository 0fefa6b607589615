import type { Command } from './command.ts';
import { catalogueCommand } from './commands/catalogue.ts';
import { commentCommand } from './commands/comment.ts';
import { contributeCommand } from './commands/contribute.ts';
import { fixCommand } from './commands/fix.ts';
import { fmtCommand } from './commands/fmt.ts';
import { intakeCommand } from './commands/intake.ts';
import { mergeCommand } from './commands/merge.ts';
import { newCommand } from './commands/new.ts';
import { validateCommand } from './commands/validate.ts';

/** Every `persona <command>`, in the order `persona --help` lists them. Each lives in its own file. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  newCommand,
  fmtCommand,
  fixCommand,
  contributeCommand,
  mergeCommand,
  catalogueCommand,
  commentCommand,
  intakeCommand,
  // @anchor commands — one line per command
];
