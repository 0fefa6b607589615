import type { Command } from './command.ts';
import { fmtCommand } from './commands/fmt.ts';
import { newCommand } from './commands/new.ts';
import { validateCommand } from './commands/validate.ts';

/** Every `persona <command>`. Each command lives in its own file under commands/. */
export const COMMANDS: readonly Command[] = [validateCommand, newCommand, fmtCommand];
