import * as core from '@actions/core';
import { servedAsPoolWorker } from '../accel/pool-entry.ts';
import { run } from './apply.ts';

// The bundle is also its worker threads' script. One line, no stack trace: a crash reads like any
// other failed step.
if (!servedAsPoolWorker(import.meta.url))
  run().catch((error: unknown) =>
    core.setFailed(
      `persona apply action: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ),
  );
