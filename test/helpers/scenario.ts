import { it } from 'vitest';

/**
 * A flow over several runs of the tools (a comment over three pushes, an artifact turned into a comment and then
 * into ✅, a catalogue made stale and regenerated) in a file of single-run contracts. `npm test` skips it to
 * stay within its time budget; the slow project, which .ci/run also runs, runs the file with
 * PERSONA_SCENARIOS=1 (vitest.config.ts), and so every test in it.
 */
export const scenario = it.runIf(process.env.PERSONA_SCENARIOS === '1');
