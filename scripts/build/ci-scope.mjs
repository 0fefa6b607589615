// Which checks CI owes a change: `data` when every path it changes since <base> is under personas/ or
// contributions/ (a contributor's pull request, or a merge of one on main), `tools` otherwise, and `none`
// when there is no base commit to compare with (a clean clone of main). Data changes are
// judged by the errors they introduce; the generated catalogue is regenerated on main by the apply workflow,
// so they are never asked to carry it. Usage: node scripts/build/ci-scope.mjs <base-commit>
import { execFileSync } from 'node:child_process';

const DATA = ['personas/', 'contributions/'];

export function scopeOf(changed) {
  return changed.length > 0 && changed.every((file) => DATA.some((prefix) => file.startsWith(prefix)))
    ? 'data'
    : 'tools';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv[2] ?? '';
  if (!/^[0-9a-f]{40}$/.test(base) || /^0+$/.test(base)) {
    process.stdout.write('none\n');
  } else {
    const changed = execFileSync(
      'git',
      ['-c', 'core.hooksPath=/dev/null', 'diff', '--name-only', '--no-renames', `${base}...HEAD`],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
    process.stdout.write(`${scopeOf(changed)}\n`);
  }
}
