import { lstatSync } from 'node:fs';
import path from 'node:path';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { checkContributionsWithData } from '../check/contribution/check-contributions.ts';
import { currentText } from '../check/contribution/contribution-effect.ts';
import { buildContributionIndex } from '../check/contribution/contribution-index.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import type { Contribution, ContributionAction } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { didYouMeanSuffix } from '../core/did-you-mean.ts';
import { type ContentField, isListField } from '../core/persona-fields.ts';
import { UsageProblem } from '../core/usage-problem.ts';
import { contributionFileStem, scaffoldContribution } from '../plan/scaffold-contribution.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { validateLibrary } from './validate-library.ts';

/** What `persona contribute` was asked to write, its flags already checked one by one. */
export interface ContributionRequest {
  /** The persona's slug or id. */
  persona: string;
  field: ContentField;
  action: ContributionAction;
  /** The text of `--correct` or `--extend`. */
  value?: string;
  item?: number;
  author: string;
  rationale?: string;
  evidence?: string;
  /** The date the file name starts with. */
  date: string;
}

export interface PlannedContribution {
  /** Where it would be written (a free name: `-2`, `-3`… when taken). */
  file: string;
  text: string;
  /** What the new file would bring: its own problems, and those it would add among the pending ones. */
  problems: Diagnostic[];
  /** How many personas the library has (the report's summary). */
  personas: number;
}

/**
 * The contribution file `persona contribute` would write, checked as `persona validate` would check it once
 * written: the persona is found by slug or id, a correction's `original` filled in from the persona, and the
 * new file checked on its own, against its persona, and among the pending contributions. Writes nothing.
 */
export async function planContribution(
  root: string,
  request: ContributionRequest,
): Promise<PlannedContribution> {
  const library = await validateLibrary(root);
  const index = buildContributionIndex(library.personas);
  const target = (index.bySlug.get(request.persona) ?? index.byId.get(request.persona))?.[0];
  if (!target)
    throw new UsageProblem(
      `no persona has the slug or id "${request.persona}".${didYouMeanSuffix(request.persona, [...index.bySlug.keys()])}`,
    );
  const { field, action, item, author } = request;
  const contribution: Contribution = { persona: target.slug, field, action, author };
  if (item !== undefined) contribution.item = item;
  if (request.value !== undefined) contribution.value = request.value;
  if (action === 'correct') {
    const data = library.personas.find((p) => p.file === target.file)?.data ?? {};
    const original = currentText(data, field, item);
    if (original === undefined)
      throw new UsageProblem(
        isListField(field) && item === undefined
          ? `${field} is a list: add --item N to say which item you correct (or use --extend to add one).`
          : `${target.slug} has no ${field}${item === undefined ? '' : ` item ${item}`} to correct.`,
      );
    contribution.original = original;
  }
  if (request.rationale) contribution.rationale = request.rationale;
  if (request.evidence !== undefined) contribution.evidence = request.evidence;

  const file = freeName(
    root,
    `contributions/${target.slug}`,
    contributionFileStem(contribution, request.date),
  );
  const text = scaffoldContribution(contribution);
  const [personaSchema, contributionSchema] = await Promise.all([
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  const facts = checkContributionFile(
    file,
    new TextEncoder().encode(text),
    compileSchema(contributionSchema),
    {
      settings: library.settings,
    },
  );
  // Whatever the new file adds, wherever it lands: in path order it may come before a pending file that
  // it duplicates, and then the duplicate is reported on the other file.
  const validatePersona = compileSchema(personaSchema);
  const key = (d: Diagnostic) => JSON.stringify([d.file, d.line, d.column, d.rule, d.message]);
  const existing = new Set(
    checkContributionsWithData(library.contributions, library.personas, validatePersona).map(key),
  );
  const problems = sortDiagnostics([
    ...facts.diagnostics,
    ...checkContributionsWithData(
      [...library.contributions, facts],
      library.personas,
      validatePersona,
    ).filter((d) => !existing.has(key(d))),
  ]);
  return { file, text, problems, personas: library.personas.length };
}

/** `<stem>.yaml`, or `<stem>-2.yaml` and so on when that name is taken. */
function freeName(root: string, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const file = `${dir}/${stem}${n === 1 ? '' : `-${n}`}.yaml`;
    // lstat, not access: a link at that name (even a dangling one) takes it, and is never written through.
    if (lstatSync(path.join(root, file), { throwIfNoEntry: false }) === undefined) return file;
  }
}
