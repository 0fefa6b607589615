import { parseArgs } from 'node:util';
import { SCENARIO_IDS } from './scenarios.ts';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  warmup: number;
  seed: number;
  out: string;
  label: string;
  keep: boolean;
  only: string[];
  timeoutSeconds: number;
  /** A prebuilt CLI bundle to measure instead of bundling the current source. */
  cli: string | null;
  /** Where to keep one `--cpu-prof` run of each row, or null for no profiling. */
  profile: string | null;
}

export const USAGE = `usage: npm run bench -- [options]

  --sizes <n,n>     library sizes in personas (default 1000,10000)
  --runs <n>        timed runs per command, median reported (default 5)
  --warmup <n>      untimed runs before them (default 1)
  --seed <n>        generator seed (default 1)
  --only <id,id>    run only these rows: ${SCENARIO_IDS.join(', ')}
  --out <file>      results file (default bench/results.json)
  --label <text>    a note stored in the results file, e.g. a branch name
  --timeout <s>     kill a process after this many seconds (default 900)
  --keep            keep the generated libraries (the path is printed)
  --profile <dir>   after each row's timed runs, run it once more under node --cpu-prof; keep the
                    profiles in <dir>, summarize them per thread in the results and in <dir>/summary.md
  --cli <file>      measure this CLI bundle (e.g. dist/persona.mjs) instead of bundling the current source
`;

export class BenchUsageError extends Error {}

export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        sizes: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        label: { type: 'string' },
        timeout: { type: 'string' },
        keep: { type: 'boolean' },
        cli: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.profile === '') throw new BenchUsageError('--profile needs a folder');
  const only =
    typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()) : [...SCENARIO_IDS];
  const unknown = only.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new BenchUsageError(`unknown --only value ${unknown.join(', ')}`);
  return {
    sizes: (typeof values.sizes === 'string' ? values.sizes : '1000,10000')
      .split(',')
      .map((s) => integer('--sizes', s, 1)),
    runs: integer('--runs', values.runs ?? '5', 1),
    warmup: integer('--warmup', values.warmup ?? '1', 0),
    seed: integer('--seed', values.seed ?? '1', 0),
    out: typeof values.out === 'string' ? values.out : 'bench/results.json',
    label: typeof values.label === 'string' ? values.label : '',
    keep: values.keep === true,
    only,
    timeoutSeconds: integer('--timeout', values.timeout ?? '900', 1),
    cli: typeof values.cli === 'string' ? values.cli : null,
    profile: typeof values.profile === 'string' ? values.profile : null,
  };
}

function integer(flag: string, value: unknown, min: number): number {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) {
    throw new BenchUsageError(`${flag} needs a whole number of at least ${min}, got "${text}"`);
  }
  return n;
}
