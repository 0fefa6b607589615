import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { arrivalsOf, changedPaths, gitIn } from '../../scripts/action/git.ts';
import { mayMention } from '../../scripts/render/bot/apply-comments.ts';
import { commitAll, git, writeIn } from '../helpers/scratch-repo.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-git-'));
  dirs.push(dir);
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  return dir;
}

describe('arrivalsOf (which persona was on the branch first)', () => {
  it('follows a rename back to the file it came from, along first-parent history', async () => {
    const dir = repo();
    writeIn(dir, 'personas/acme/acme-old.yaml', 'id: APP-101\nslug: acme-old\ntitle: Old\n');
    commitAll(dir, 'old');
    // A pull request branch adds a copy; main renames the original meanwhile; then the branch is merged.
    git(dir, ['switch', '--quiet', '-c', 'pr']);
    writeIn(dir, 'personas/acme/acme-aaa-copy.yaml', 'id: APP-101\nslug: acme-aaa-copy\ntitle: Copy\n');
    commitAll(dir, 'copy');
    git(dir, ['switch', '--quiet', 'main']);
    git(dir, ['mv', 'personas/acme/acme-old.yaml', 'personas/acme/acme-renamed.yaml']);
    commitAll(dir, 'rename');
    git(dir, ['merge', '--quiet', '--no-ff', '--no-edit', 'pr']);
    const arrivals = await arrivalsOf(gitIn(dir, null), [
      'personas/acme/acme-renamed.yaml',
      'personas/acme/acme-aaa-copy.yaml',
      'personas/acme/never.yaml',
    ]);
    expect(arrivals.get('personas/acme/acme-renamed.yaml')).toBe(0);
    expect(arrivals.get('personas/acme/acme-aaa-copy.yaml')).toBeGreaterThan(0);
    expect(arrivals.get('personas/acme/never.yaml')).toBeNull();
  });

  it('treats file names as names, never as patterns', async () => {
    const dir = repo();
    writeIn(dir, 'personas/acme/a.yaml', 'x: 1\n');
    commitAll(dir, 'a');
    writeIn(dir, 'personas/acme/[a].yaml', 'x: 2\n');
    expect(await changedPaths(gitIn(dir, null))).toEqual(['personas/acme/[a].yaml']);
    commitAll(dir, 'pattern-like name');
    const arrivals = await arrivalsOf(gitIn(dir, null), ['personas/acme/[a].yaml', 'personas/acme/a.yaml']);
    expect(arrivals.get('personas/acme/a.yaml')).toBe(0);
    expect(arrivals.get('personas/acme/[a].yaml')).toBe(1);
  });
});

describe('who a parked correction’s comment may @mention', () => {
  it.each([
    ['bob', 'contributions/x/2026-11-20-bob-goals.yaml', 'bob', true],
    ['Bob', 'contributions/x/2026-11-20-bob-goals.yaml', 'bob', true],
    ['victim', 'contributions/x/2026-11-20-victim-goals.yaml', 'mallory', false],
    ['amy', 'contributions/x/2026-11-20-amy-goals-issue-12.yaml', 'github-actions[bot]', true],
    ['amy', 'contributions/x/2026-11-20-amy-goals.yaml', 'github-actions[bot]', false],
    ['amy', 'contributions/x/2026-11-20-amy-goals-issue-12.yaml', null, false],
  ])('author %s in %s, pull request by %s → %s', (author, file, pullAuthor, expected) => {
    expect(mayMention(author, file, pullAuthor, 'github-actions[bot]')).toBe(expected);
  });
});
