import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXABLE_RULES, RULE_META } from '../../scripts/check/rule-meta.ts';
import { RULE_IDS } from '../../scripts/core/rules.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/** docs/rules.md says which rules are fixable exactly as the rules declare it beside their code. */
const rules = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');

function section(rule: string): string {
  const heading = `\n#### \`${rule}\`\n`;
  const start = rules.indexOf(heading);
  if (start === -1) return '';
  const next = rules.slice(start + heading.length).search(/\n#{1,6} /);
  return rules.slice(start, next === -1 ? undefined : start + heading.length + next);
}

describe('fixable rules', () => {
  it('declare known rule ids, each once', () => {
    const declared = RULE_META.map((m) => m.rule);
    expect(declared.filter((rule) => !RULE_IDS.includes(rule))).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('have a **Fixable** paragraph in their section of docs/rules.md, and only they do', () => {
    const documented = RULE_IDS.filter((rule) => /\n\*\*Fixable\*\*/.test(section(rule)));
    expect(documented.sort()).toEqual([...FIXABLE_RULES].sort());
  });

  it('are the ones the introduction of docs/rules.md lists', () => {
    const intro = /\*\*Fixable rules\.\*\*([\s\S]*?)\n\n/.exec(rules)?.[1] ?? '';
    const listed = [...intro.matchAll(/`([a-z]+\/[a-z-]+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...FIXABLE_RULES].sort());
  });
});
