import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  FIELD_OPTIONS,
  FORM_FIELDS,
  FORM_PATH,
  type FormPersona,
} from '../../scripts/intake/contribute-form-fields.ts';
import { parseIssueForm } from '../../scripts/intake/parse-issue-form.ts';
import { planIntake } from '../../scripts/intake/plan-intake.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import {
  contributeFormUrl,
  MAX_FORM_URL_LENGTH,
} from '../../scripts/render/issue-form/contribute-form-url.ts';
import {
  formPersonas,
  renderContributeForm,
} from '../../scripts/render/issue-form/render-contribute-form.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { issue, loadLibrary } from './intake-helpers.ts';

const PERSONAS: FormPersona[] = [
  { id: 'APP-102', slug: 'sentry-release-guardian', title: 'The Sentry Release Guardian' },
  { id: 'APP-101', slug: 'sentry-error-monitor', title: 'The Sentry Error Monitor' },
  { id: 'APP-107', slug: 'pagerduty-on-call-engineer', title: 'The PagerDuty On-Call Engineer' },
];

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[]; value?: string };
  validations?: { required?: boolean };
}

const elements = (text: string) => (parse(text) as { body: FormElement[] }).body;
const options = (text: string, id: string) => elements(text).find((e) => e.id === id)?.attributes.options;

describe('renderContributeForm', () => {
  it('is a GitHub issue form with the contribution label and the seven fields, in order', () => {
    const form = parse(renderContributeForm(PERSONAS));
    expect(Object.keys(form)).toEqual(['name', 'description', 'title', 'labels', 'body']);
    expect(form.labels).toEqual(['contribution']);
    const fields = elements(renderContributeForm(PERSONAS)).filter((e) => e.type !== 'markdown');
    expect(fields.map((e) => [e.type, e.id, e.attributes.label])).toEqual([
      ['dropdown', 'persona', 'Persona'],
      ['dropdown', 'field', 'Field'],
      ['dropdown', 'action', 'Action'],
      ['input', 'item', 'Item number'],
      ['textarea', 'text', 'Text'],
      ['textarea', 'rationale', 'Rationale'],
      ['input', 'evidence', 'Evidence link'],
    ]);
    expect(fields.map((e) => e.id)).toEqual(FORM_FIELDS.map((f) => f.id));
    expect(fields.filter((e) => e.validations?.required).map((e) => e.id)).toEqual([
      'persona',
      'field',
      'action',
    ]);
  });

  it('lists every persona as "Title (id)", sorted, whatever the input order', () => {
    const text = renderContributeForm(PERSONAS);
    expect(options(text, 'persona')).toEqual([
      'The PagerDuty On-Call Engineer (APP-107)',
      'The Sentry Error Monitor (APP-101)',
      'The Sentry Release Guardian (APP-102)',
    ]);
    expect(renderContributeForm([...PERSONAS].reverse())).toBe(text);
    expect(options(text, 'field')).toEqual(FIELD_OPTIONS.map((o) => o.label));
    expect(options(text, 'action')).toEqual(['Confirm', 'Correct', 'Extend']);
  });

  it('keeps GitHub’s form rules: unique ids and labels, distinct non-empty options, none named "None"', () => {
    for (const personas of [PERSONAS, []]) {
      const body = elements(renderContributeForm(personas));
      const ids = body.flatMap((e) => (e.id ? [e.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      const labels = body.flatMap((e) => (e.attributes.label ? [e.attributes.label] : []));
      expect(new Set(labels).size).toBe(labels.length);
      for (const e of body.filter((x) => x.type === 'dropdown')) {
        const list = e.attributes.options ?? [];
        expect(list.length).toBeGreaterThan(0);
        expect(new Set(list).size).toBe(list.length);
        expect(list).not.toContain('None');
      }
    }
  });

  it('keeps a hostile title inside its option: one line, YAML-safe, the id last', () => {
    const hostile: FormPersona[] = [
      { id: 'APP-900', slug: 'x-one', title: 'Evil: "quoted"\n- injected: true # (APP-101)' },
      { id: 'APP-901', slug: 'x-two', title: `${'Long '.repeat(40)}title` },
    ];
    const list = options(renderContributeForm(hostile), 'persona') ?? [];
    expect(list).toHaveLength(2);
    expect(list[0]).toBe('Evil: "quoted" - injected: true # (APP-101) (APP-900)');
    expect(list[1]?.length).toBeLessThanOrEqual(100 + ' (APP-901)'.length);
    expect(list[1]).toMatch(/… \(APP-901\)$/);
  });

  it('takes each id once, and skips personas without a usable id, slug or title', () => {
    const facts = [
      { data: { id: 'APP-101', slug: 'sentry-error-monitor', title: 'The Sentry Error Monitor' } },
      { data: { id: 'APP-101', slug: 'copy', title: 'A duplicate id' } },
      { data: { id: 'nope', slug: 'bad-id', title: 'Bad id' } },
      { data: { id: 'APP-103', slug: 'Not A Slug', title: 'Bad slug' } },
      { data: null },
    ];
    expect(formPersonas(facts)).toEqual([PERSONAS[1]]);
  });

  it('is committed up to date for the shipped library (until persona catalogue checks it)', async () => {
    const library = await validateLibrary(REPO_ROOT);
    const committed = readFileSync(path.join(REPO_ROOT, FORM_PATH), 'utf8');
    expect(committed, 'run: npx persona catalogue').toBe(
      renderContributeForm(formPersonas(library.personas)),
    );
  });
});

describe('contributeFormUrl', () => {
  const repo = 'https://github.com/persona-library/persona-library';

  it('prefills fields by id, dropdowns with their exact option text', () => {
    const url = new URL(
      contributeFormUrl(repo, {
        persona: PERSONAS[1] as FormPersona,
        field: 'goals',
        action: 'correct',
        item: 2,
        text: 'Read stack traces (in TypeScript).',
      }),
    );
    expect(url.origin + url.pathname).toBe(`${repo}/issues/new`);
    expect([...url.searchParams.keys()]).toEqual([
      'template',
      'title',
      'persona',
      'field',
      'action',
      'item',
      'text',
    ]);
    expect(url.searchParams.get('template')).toBe('contribute.yml');
    const form = renderContributeForm(PERSONAS);
    expect(options(form, 'persona')).toContain(url.searchParams.get('persona'));
    expect(options(form, 'field')).toContain(url.searchParams.get('field'));
    expect(options(form, 'action')).toContain(url.searchParams.get('action'));
    expect(url.searchParams.get('item')).toBe('2');
    expect(url.searchParams.get('text')).toBe('Read stack traces (in TypeScript).');
    // Parentheses are encoded too, so the URL is a safe Markdown link destination as it stands.
    expect(url.href).not.toMatch(/[()\s]/);
  });

  it('round-trips: a form filled in from the link is read back as the same contribution', async () => {
    const library = await loadLibrary();
    const url = new URL(
      contributeFormUrl(repo, {
        persona: PERSONAS[2] as FormPersona,
        field: 'frustrations',
        action: 'extend',
        text: 'Escalations that page the whole team at once.',
      }),
    );
    const answers: Record<string, string> = {};
    for (const { id } of FORM_FIELDS) answers[id] = url.searchParams.get(id) ?? '_No response_';
    const rendered = FORM_FIELDS.map((f) => `### ${f.label}\n\n${answers[f.id]}`).join('\n\n');
    expect(parseIssueForm(rendered).problems).toEqual([]);
    const plan = planIntake(issue(rendered), library);
    expect(plan.kind === 'valid' && plan.contribution).toMatchObject({
      persona: 'pagerduty-on-call-engineer',
      field: 'frustrations',
      action: 'extend',
      value: 'Escalations that page the whole team at once.',
    });
  });

  it('leaves the text out rather than make a URL GitHub refuses', () => {
    const url = contributeFormUrl(repo, {
      persona: PERSONAS[0] as FormPersona,
      field: 'scenario',
      action: 'correct',
      text: 'é'.repeat(2000),
    });
    expect(url.length).toBeLessThanOrEqual(MAX_FORM_URL_LENGTH);
    expect(new URL(url).searchParams.has('text')).toBe(false);
  });
});
