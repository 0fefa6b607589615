import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../scripts/core/rules.ts';
import { checkPersonas, marked } from '../helpers/check-in-memory.ts';
import { baseLibrary, RULE_CASES, VOCABULARY } from './rule-cases.ts';

describe('the base fixture library', () => {
  it('passes every rule', () => {
    expect(checkPersonas(baseLibrary())).toEqual([]);
  });

  it('passes every rule with a vocabulary holding its tags (the passing fixture of the tag rules)', () => {
    expect(checkPersonas({ ...baseLibrary(), 'tags.yaml': VOCABULARY })).toEqual([]);
  });
});

describe.each(RULE_CASES)('$rule: $name', (testCase) => {
  it('is reported at the offending node', () => {
    const files: Record<string, string | Uint8Array> = { ...baseLibrary() };
    let expected = testCase.at;
    for (const [file, content] of Object.entries(testCase.files)) {
      if (typeof content === 'string' && content.includes('«')) {
        const m = marked(content);
        files[file] = m.text;
        expected = { line: m.line, column: m.column };
      } else {
        files[file] = content;
      }
    }
    // A misplaced or renamed copy replaces the base file it was made from.
    for (const file of Object.keys(testCase.files)) {
      if (
        file !== 'tags.yaml' &&
        !file.startsWith('personas/acme/acme-alpha') &&
        !file.startsWith('personas/acme/acme-beta') &&
        file.includes('acme-gamma') === false &&
        file !== 'personas/acme/alpha.yaml'
      )
        delete files[file.replace(/\.yml$/, '.yaml')];
    }
    const diagnostics = checkPersonas(files);
    const match = diagnostics.find((d) => d.rule === testCase.rule && d.file === testCase.file);
    expect(match, JSON.stringify(diagnostics, null, 1)).toBeDefined();
    expect({ line: match?.line, column: match?.column }).toEqual(expected);
    expect(match?.severity).toBe(testCase.severity ?? 'error');
    expect(match?.endLine).toBeGreaterThanOrEqual(match?.line ?? 0);
    expect(match?.message.length).toBeGreaterThan(10);
    expect(match?.hint.length).toBeGreaterThan(5);
    expect(match?.url).toMatch(/README\.md#/);
    if (testCase.suggests) expect(match?.hint).toContain(`\`${testCase.suggests}\``);
    // Contributors never see ajv's jargon or the schema's regular expressions.
    for (const d of diagnostics)
      expect(`${d.message} ${d.hint}`).not.toMatch(/must NOT|instancePath|\^\[|\$\/|additionalProperties/);
  });
});

describe('rule coverage', () => {
  it('has a failing fixture for every persona rule', () => {
    // The entries of a hostile tree are covered by test/security/hostile-tree.test.ts.
    const coveredElsewhere = new Set([
      'file/symlink',
      'file/hidden',
      'file/bad-name',
      'file/unexpected',
      'file/too-many-problems',
      // Rules that compare a pull request with its base: test/validate/check-against-base.test.ts.
      'id/changed',
      'id/taken',
      'id/out-of-sequence',
    ]);
    const persona = RULE_IDS.filter((r) =>
      /^(file|yaml|schema|id|slug|product|link|lint|tag|format|privacy)\//.test(r),
    );
    const covered = new Set(RULE_CASES.map((c) => c.rule));
    expect(persona.filter((r) => !covered.has(r) && !coveredElsewhere.has(r))).toEqual([]);
  });
});
