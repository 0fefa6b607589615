import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeLibraryFile } from '../../apply/write-file.ts';
import { checkContributionFile } from '../../check/contribution/check-contribution-file.ts';
import { checkContributionsWithData } from '../../check/contribution/check-contributions.ts';
import { currentText } from '../../check/contribution/contribution-effect.ts';
import { buildContributionIndex } from '../../check/contribution/contribution-index.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { compileSchema } from '../../check/schema/compile-schema.ts';
import type { Contribution, ContributionAction } from '../../core/contribution.ts';
import { countBySeverity, type Diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';
import { didYouMeanSuffix } from '../../core/did-you-mean.ts';
import { CONTENT_FIELDS, isContentField, isListField } from '../../core/persona-fields.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
import { contributionFileStem, scaffoldContribution } from '../../plan/scaffold-contribution.ts';
import { readContributionSchema } from '../../read/read-contribution-schema.ts';
import { readPersonaSchema } from '../../read/read-schemas.ts';
import { formatText } from '../../render/report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, stringOption, UsageError } from '../command.ts';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export const contributeCommand: Command = {
  name: 'contribute',
  summary: 'Write a contribution file that confirms, corrects or extends a persona field.',
  usage:
    'persona contribute <persona> <field> --confirm|--correct "<text>"|--extend "<text>" [--item N] --author <login> [--rationale "…"] [--evidence <url>] [--date YYYY-MM-DD] [--root <dir>]',
  options: {
    confirm: { type: 'boolean' },
    correct: { type: 'string' },
    extend: { type: 'string' },
    item: { type: 'string' },
    author: { type: 'string' },
    rationale: { type: 'string' },
    evidence: { type: 'string' },
    date: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, ctx) {
    const [personaKey, field, ...extra] = args.positionals;
    if (personaKey === undefined || field === undefined || extra.length > 0)
      throw new UsageError(
        'give the persona (slug or id) and the field, e.g. `persona contribute sentry-error-monitor goals --confirm --author octocat`.',
      );
    const actions = (['confirm', 'correct', 'extend'] as const).filter((a) => args.values[a] !== undefined);
    if (actions.length !== 1)
      throw new UsageError('give exactly one of --confirm, --correct "<text>" or --extend "<text>".');
    const action = actions[0] as ContributionAction;
    const author = stringOption(args, 'author');
    if (!author)
      throw new UsageError('--author <your GitHub login> is required; it is credited in the persona.');
    if (!LOGIN.test(author))
      throw new UsageError(
        `--author must be a GitHub login (letters, digits, single hyphens); got "${author}".`,
      );
    const rationale = stringOption(args, 'rationale')?.trim();
    if (action === 'correct' && !rationale)
      throw new UsageError('--rationale "<why>" is required with --correct.');
    const itemText = stringOption(args, 'item');
    if (itemText !== undefined && !/^[1-9]\d{0,3}$/.test(itemText))
      throw new UsageError(`--item must be a list item number, 1 or more; got "${itemText}".`);
    const date = contributionDate(stringOption(args, 'date'), ctx.env);
    if (!isContentField(field)) {
      throw new UsageError(
        `"${field}" is not a content field; use one of ${CONTENT_FIELDS.join(', ')}.${didYouMeanSuffix(field, CONTENT_FIELDS)}`,
      );
    }

    const library = await validateLibrary(ctx.root);
    const index = buildContributionIndex(library.personas);
    const target = (index.bySlug.get(personaKey) ?? index.byId.get(personaKey))?.[0];
    if (!target) {
      throw new UsageError(
        `no persona has the slug or id "${personaKey}".${didYouMeanSuffix(personaKey, [...index.bySlug.keys()])}`,
      );
    }

    const contribution: Contribution = { persona: target.slug, field, action, author };
    if (itemText !== undefined) contribution.item = Number(itemText);
    const value = action === 'confirm' ? undefined : String(args.values[action]).trim();
    if (value !== undefined) contribution.value = value;
    if (action === 'correct') {
      const data = library.personas.find((p) => p.file === target.file)?.data ?? {};
      const original = currentText(data, field, contribution.item);
      if (original === undefined) {
        throw new UsageError(
          isListField(field) && contribution.item === undefined
            ? `${field} is a list: add --item N to say which item you correct (or use --extend to add one).`
            : `${target.slug} has no ${field}${contribution.item === undefined ? '' : ` item ${contribution.item}`} to correct.`,
        );
      }
      contribution.original = original;
    }
    if (rationale) contribution.rationale = rationale;
    const evidence = stringOption(args, 'evidence');
    if (evidence !== undefined) contribution.evidence = evidence;

    const file = await freeName(
      ctx.root,
      `contributions/${target.slug}`,
      contributionFileStem(contribution, date),
    );
    const text = scaffoldContribution(contribution);
    const [personaSchema, contributionSchema] = await Promise.all([
      readPersonaSchema(ctx.root),
      readContributionSchema(ctx.root),
    ]);
    const facts = checkContributionFile(
      file,
      new TextEncoder().encode(text),
      compileSchema(contributionSchema),
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
    const { errors, warnings } = countBySeverity(problems);
    if (errors > 0) {
      ctx.stdout(
        formatText(problems, { personas: library.personas.length, contributions: 1, errors, warnings }),
      );
      ctx.stderr(`persona contribute: nothing written; ${file} would not be valid.\n`);
      return EXIT_PROBLEMS;
    }
    await writeLibraryFile(ctx.root, file, text);
    if (warnings > 0)
      ctx.stderr(
        formatText(problems, { personas: library.personas.length, contributions: 1, errors, warnings }),
      );
    ctx.stdout(`${file}\n`);
    return EXIT_OK;
  },
};

/**
 * The date in the file name: `--date`, else SOURCE_DATE_EPOCH (for reproducible runs), else today in UTC.
 * It is the date the contribution was written; `persona merge` records it as the review date.
 */
function contributionDate(option: string | undefined, env: Record<string, string | undefined>): string {
  if (option !== undefined) {
    if (!isRealDate(option))
      throw new UsageError(`--date must be a real date written YYYY-MM-DD; got "${option}".`);
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  const millis = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(millis).toISOString().slice(0, 10);
}

/** `<stem>.yaml`, or `<stem>-2.yaml` and so on when that name is taken. */
async function freeName(root: string, dir: string, stem: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = `${dir}/${stem}${n === 1 ? '' : `-${n}`}.yaml`;
    // lstat, not access: a link at that name (even a dangling one) takes it, and is never written through.
    const taken = await lstat(path.join(root, file)).then(
      () => true,
      () => false,
    );
    if (!taken) return file;
  }
}
