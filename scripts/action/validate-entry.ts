import * as core from '@actions/core';
import { run } from './validate.ts';

// One line, no stack trace: a crash reads like any other failed check.
run().catch((error: unknown) =>
  core.setFailed(
    `persona validate action: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  ),
);
