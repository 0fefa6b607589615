import * as core from '@actions/core';
import { run } from './apply.ts';

// One line, no stack trace: a crash reads like any other failed step.
run().catch((error: unknown) =>
  core.setFailed(
    `persona apply action: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  ),
);
