/**
 * The floor of a warm run: the least a one-shot validator with a cache must do to notice that one of the
 * library's files changed. Start Node, list every file under personas/ and contributions/ and `lstat` each; no
 * reading, no parsing, no cache. Prints `{"files":…}`. Usage: node stat-floor.mjs <library root>
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
let files = 0;
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (lstatSync(full).isFile()) files++;
  }
};
walk(path.join(root, 'personas'));
walk(path.join(root, 'contributions'));
process.stdout.write(`${JSON.stringify({ files })}\n`);
