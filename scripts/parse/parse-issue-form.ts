import { FORM_FIELDS, type FormFieldId, formLabel, NO_RESPONSE } from '../core/contribute-form.ts';
import { type FormProblem, formError } from '../core/form-problem.ts';

export interface FormAnswers {
  /** Each field's answer, trimmed; '' when left empty; absent when the body has no section for it. */
  answers: Partial<Record<FormFieldId, string>>;
  problems: FormProblem[];
}

/** Issue bodies are capped by GitHub at 65,536 characters; anything longer did not come from GitHub. */
export const MAX_BODY_LENGTH = 65_536;

// Bidi controls can make text read differently from what it is; C0/C1 controls have no place in a persona.
const INVISIBLE =
  /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Reads the body GitHub renders from an issue form: one `### <label>` heading per field, then the answer,
 * and `_No response_` for an optional field left empty. Only the form's own labels start a section, so a
 * `### Heading` typed inside an answer stays part of that answer; a form label typed as a heading would make
 * the body ambiguous, and is reported instead of guessed at.
 */
export function parseIssueForm(body: string | null | undefined): FormAnswers {
  const text = (body ?? '').slice(0, MAX_BODY_LENGTH + 1);
  if (text.length > MAX_BODY_LENGTH) {
    return {
      answers: {},
      problems: [formError(null, ['The issue is longer than GitHub allows, so it was not read.'])],
    };
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .split('\n');
  const byLabel = new Map<string, FormFieldId>(FORM_FIELDS.map((f) => [f.label, f.id]));
  const starts: { id: FormFieldId; line: number }[] = [];
  lines.forEach((line, index) => {
    const match = /^###[ \t]+(.+?)[ \t]*$/.exec(line);
    const id = match ? byLabel.get(match[1] as string) : undefined;
    if (id !== undefined) starts.push({ id, line: index });
  });

  const problems: FormProblem[] = [];
  if (starts.length === 0) {
    problems.push(
      formError(null, [
        'This issue was not written with the contribution form, so there is nothing to read. Open a new issue with the ',
        { strong: 'Contribute to a persona' },
        ' form.',
      ]),
    );
    return { answers: {}, problems };
  }
  const answers: Partial<Record<FormFieldId, string>> = {};
  const seen = new Set<FormFieldId>();
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.line ?? lines.length;
    const value = lines
      .slice(start.line + 1, end)
      .join('\n')
      .trim();
    if (seen.has(start.id)) {
      problems.push(
        formError(start.id, [
          'The issue has two ',
          { strong: formLabel(start.id) },
          ' sections, so it is not clear which one counts. A line ',
          { code: `### ${formLabel(start.id)}` },
          ' inside an answer looks like the start of that field: edit the issue and remove it.',
        ]),
      );
      return;
    }
    seen.add(start.id);
    answers[start.id] = value === NO_RESPONSE ? '' : value;
  });
  // With two copies of a field, no answer of it can be trusted.
  for (const problem of problems)
    if (problem.field && problem.field !== 'author') delete answers[problem.field];
  return { answers, problems };
}
