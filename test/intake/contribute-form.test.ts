import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  FIELD_OPTIONS,
  FORM_FIELDS,
  FORM_PATH,
  type FormPersona,
} from '../../scripts/core/contribute-form.ts';
import { parseIssueForm } from '../../scripts/parse/parse-issue-form.ts';
import { planIntake } from '../../scripts/plan/intake/plan-intake.ts';
import {
  contributeFormUrl,
  MAX_FORM_URL_LENGTH,
} from '../../scripts/render/issue-form/contribute-form-url.ts';
import { renderContributeForm } from '../../scripts/render/issue-form/render-contribute-form.ts';
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
  const form = renderContributeForm();

  it('is a GitHub issue form with the contribution label and the seven fields, in order', () => {
    const parsed = parse(form);
    expect(Object.keys(parsed)).toEqual(['name', 'description', 'title', 'labels', 'body']);
    expect(parsed.labels).toEqual(['contribution']);
    const fields = elements(form).filter((e) => e.type !== 'markdown');
    expect(fields.map((e) => [e.type, e.id, e.attributes.label])).toEqual([
      ['input', 'persona', 'Persona'],
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
    expect(options(form, 'field')).toEqual(FIELD_OPTIONS.map((o) => o.label));
    expect(options(form, 'action')).toEqual(['Confirm', 'Correct', 'Extend']);
  });

  it('does not depend on the personas: the same text for any library, small and a few KB', () => {
    expect(form).not.toMatch(/APP-1\d\d\)/);
    expect(Buffer.byteLength(form)).toBeLessThan(8 * 1024);
  });

  it('keeps GitHub’s form rules: unique ids and labels, distinct non-empty options, none named "None"', () => {
    const body = elements(form);
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
  });

  it('is committed exactly as generated (UPDATE=1 rewrites it)', () => {
    const file = path.join(REPO_ROOT, FORM_PATH);
    if (process.env.UPDATE) writeFileSync(file, form);
    expect(readFileSync(file, 'utf8'), 'UPDATE=1 npx vitest run test/intake/contribute-form.test.ts').toBe(
      form,
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
    expect([...url.searchParams.keys()]).toEqual(['template', 'persona', 'field', 'action', 'item', 'text']);
    expect(url.searchParams.get('template')).toBe('contribute.yml');
    const form = renderContributeForm();
    expect(url.searchParams.get('persona')).toBe('sentry-error-monitor');
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
