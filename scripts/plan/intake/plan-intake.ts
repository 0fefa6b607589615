import { checkContributionFile } from '../../check/contribution/check-contribution-file.ts';
import { checkContributionsWithData } from '../../check/contribution/check-contributions.ts';
import { buildContributionIndex, type PersonaTarget } from '../../check/contribution/contribution-index.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { diagnosticInFormWords } from '../../check/intake/diagnostic-in-form-words.ts';
import { readContributionForm } from '../../check/intake/read-contribution-form.ts';
import type { PersonaFacts } from '../../check/persona/check-persona-file.ts';
import type { SchemaValidator } from '../../check/schema/compile-schema.ts';
import type { Contribution, ContributionFacts } from '../../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';
import { type FormProblem, formError } from '../../core/form-problem.ts';
import type { IssueFacts } from '../../parse/issue-event.ts';
import { parseIssueForm } from '../../parse/parse-issue-form.ts';
import { contributionFileStem, scaffoldContribution } from '../scaffold-contribution.ts';

/** What the intake needs to know about the issue; everything but `body` comes from GitHub, not the author. */
export interface IntakeLibrary {
  personas: readonly PersonaFacts[];
  contributions: readonly ContributionFacts[];
  validatePersona: SchemaValidator;
  validateContribution: SchemaValidator;
}

export type IntakePlan =
  | { kind: 'invalid'; problems: FormProblem[] }
  | {
      kind: 'valid';
      contribution: Contribution;
      target: PersonaTarget;
      /** `contributions/<slug>/<date>-<login>-<field>[-item-N]-issue-<number>.yaml` */
      file: string;
      text: string;
      branch: string;
      commitMessage: string;
      pullTitle: string;
      /** Warnings about the contribution: worth a look, but they do not stop the pull request. */
      warnings: FormProblem[];
    };

/** Only these characters can reach a path or a branch name; the parts are validated before, this is the last guard. */
const SAFE_FILE = /^contributions\/[a-z0-9]+(?:-[a-z0-9]+)*\/[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+\.yaml$/;

export function intakeBranch(issueNumber: number): string {
  return `contribution/issue-${issueNumber}`;
}

/**
 * The whole decision, without touching GitHub: read the form, build the contribution, validate it with the
 * same rules as a contribution file against the default branch's library, and say what the pull request
 * holds. The file path is built only from validated parts: the persona's own slug, the issue's creation
 * date, the author's login and the chosen field.
 */
export function planIntake(issue: IssueFacts, library: IntakeLibrary): IntakePlan {
  const { answers, problems: parseProblems } = parseIssueForm(issue.body);
  if (parseProblems.length > 0) return { kind: 'invalid', problems: parseProblems };
  const index = buildContributionIndex(library.personas);
  const dataOf = new Map(library.personas.flatMap((p) => (p.data ? [[p.file, p.data] as const] : [])));
  const reading = readContributionForm(answers, { index, dataOf, author: issue.author });
  const { contribution, target } = reading;
  if (reading.problems.length > 0 || !contribution || !target)
    return { kind: 'invalid', problems: reading.problems };

  const date = utcDate(issue.createdAt);
  if (date === null)
    return {
      kind: 'invalid',
      problems: [formError(null, ['The issue has no creation date that can name the contribution file.'])],
    };
  const taken = new Set(library.contributions.map((c) => c.file));
  // The issue number makes the name unique per issue: two issues by one person for one field on one day
  // would otherwise give both pull requests the same file, and the second would conflict once the first merged.
  if (!Number.isSafeInteger(issue.number) || issue.number < 1)
    return {
      kind: 'invalid',
      problems: [formError(null, ['The issue has no number that can name the contribution file.'])],
    };
  const stem = `${contributionFileStem(contribution, date)}-issue-${issue.number}`;
  const file = freeName(`contributions/${target.slug}`, stem, taken);
  if (!SAFE_FILE.test(file))
    return {
      kind: 'invalid',
      problems: [formError(null, ['The contribution could not be given a safe file name.'])],
    };

  const text = scaffoldContribution(contribution);
  const facts = checkContributionFile(file, new TextEncoder().encode(text), library.validateContribution);
  const diagnostics = newDiagnostics(facts, library);
  const problems = onePerField(diagnostics.map((d) => diagnosticInFormWords(d, facts)));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { kind: 'invalid', problems: errors };
  const what = `${contribution.action} ${contribution.field}${contribution.item === undefined ? '' : ` item ${contribution.item}`}`;
  return {
    kind: 'valid',
    contribution,
    target,
    file,
    text,
    branch: intakeBranch(issue.number),
    commitMessage: [
      `Add a contribution from issue #${issue.number}`,
      '',
      `${what} of ${target.slug}, by ${contribution.author}.`,
      'Written by the intake workflow from the contribution form; edit the issue to change it.',
      '',
    ].join('\n'),
    pullTitle: `Contribution: ${what} of ${target.slug} (issue #${issue.number})`,
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

/**
 * What adding this file changes: its own diagnostics, and the cross-file ones that appear only with it
 * (a duplicate of a pending contribution may be reported on either file, depending on path order).
 */
function newDiagnostics(facts: ContributionFacts, library: IntakeLibrary): Diagnostic[] {
  const key = (d: Diagnostic) => JSON.stringify([d.file, d.line, d.column, d.rule, d.message]);
  const before = new Set(
    checkContributionsWithData(library.contributions, library.personas, library.validatePersona).map(key),
  );
  const after = checkContributionsWithData(
    [...library.contributions, facts],
    library.personas,
    library.validatePersona,
  ).filter((d) => !before.has(key(d)));
  return sortDiagnostics([...facts.diagnostics, ...after]);
}

/**
 * One schema problem per form field: a link that is not a URL fails both `format: uri` and the https pattern,
 * and the contributor needs to hear it once.
 */
function onePerField(problems: FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.severity}|${p.rule?.startsWith('schema/') ? 'schema' : p.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `YYYY-MM-DD` of an ISO timestamp, in UTC; null when it is not one. */
export function utcDate(timestamp: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp)) return null;
  const millis = Date.parse(timestamp);
  if (Number.isNaN(millis)) return null;
  const date = new Date(millis).toISOString().slice(0, 10);
  return isRealDate(date) ? date : null;
}

/** `<stem>.yaml`, or `<stem>-2.yaml` and so on when the default branch already has that name. */
function freeName(dir: string, stem: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const file = `${dir}/${stem}${n === 1 ? '' : `-${n}`}.yaml`;
    if (!taken.has(file)) return file;
  }
}

export type { IssueFacts };
