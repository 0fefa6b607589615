import { isRealDate } from '../check/contribution/contribution-location.ts';
import type { ContributionAction } from '../core/contribution.ts';
import { didYouMeanSuffix } from '../core/did-you-mean.ts';
import { CONTENT_FIELDS, isContentField } from '../core/persona-fields.ts';
import type { ContributionRequest } from '../pipeline/plan-contribution.ts';
import { type ParsedArgs, stringOption, UsageError } from './command.ts';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** `persona contribute`'s arguments and flags as a request, each checked, refused in the flags' own words. */
export function contributionRequest(
  args: ParsedArgs,
  env: Record<string, string | undefined>,
): ContributionRequest {
  const [persona, field, ...extra] = args.positionals;
  if (persona === undefined || field === undefined || extra.length > 0)
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
  const date = contributionDate(stringOption(args, 'date'), env);
  if (!isContentField(field))
    throw new UsageError(
      `"${field}" is not a content field; use one of ${CONTENT_FIELDS.join(', ')}.${didYouMeanSuffix(field, CONTENT_FIELDS)}`,
    );
  const request: ContributionRequest = { persona, field, action, author, date };
  if (itemText !== undefined) request.item = Number(itemText);
  if (action !== 'confirm') request.value = String(args.values[action]).trim();
  if (rationale) request.rationale = rationale;
  const evidence = stringOption(args, 'evidence');
  if (evidence !== undefined) request.evidence = evidence;
  return request;
}

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
