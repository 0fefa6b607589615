import { readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, ruleUrl } from '../../scripts/core/rules.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it.each(RULE_IDS)('documents %s with an example message', (rule) => {
    const heading = `#### \`${rule}\``;
    expect(readme).toContain(heading);
    const section = readme.slice(
      readme.indexOf(heading),
      readme.indexOf('\n####', readme.indexOf(heading) + 1),
    );
    expect(section).toContain(`[${rule}]`);
  });

  it('has a heading anchor for every rule url', () => {
    const slugger = new GithubSlugger();
    const anchors = new Set(
      readme
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => slugger.slug(l.replace(/^#+\s*/, ''))),
    );
    for (const rule of RULE_IDS) expect(anchors).toContain(ruleUrl(rule).split('#')[1]);
  });

  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
