import {
  CONTRIBUTION_KEY_ORDER,
  type Contribution,
  type ContributionAction,
  type ContributionFacts,
} from '../../core/contribution.ts';
import type { Place } from '../../core/diagnostic.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../../core/lint-settings.ts';
import type { ContentField } from '../../core/persona-fields.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import { capDiagnostics } from '../persona/cap-diagnostics.ts';
import { lfLineEndings } from '../rules/lf-line-endings.ts';
import { noByteOrderMark } from '../rules/no-byte-order-mark.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';
import { type ContributionContext, keyPlace, valuePlace } from './contribution-context.ts';
import { contributionLocation } from './contribution-location.ts';
import { CONTRIBUTION_FILE_RULES } from './rules/contribution-file-rules.ts';

/**
 * Parses and checks one contribution file on its own: location, YAML, schema and the single-file rules.
 * Comparing it with its persona is a cross-file step (check-contributions.ts).
 */
/**
 * A faster reading of a contribution that is plainly clean (flat, valid, quiet under every single-file rule):
 * its contribution and places, else undefined. The accelerator provides one; its answer must equal this
 * file's own, which the differential tests hold it to.
 */
export type FastContributionCheck = (
  file: string,
  text: string,
  validate: SchemaValidator,
  settings: LintSettings,
) => Pick<ContributionFacts, 'contribution' | 'places' | 'diagnostics'> | undefined;

export function checkContributionFile(
  file: string,
  bytes: Uint8Array,
  validate: SchemaValidator,
  options: { fast?: FastContributionCheck; settings?: LintSettings } = {},
): ContributionFacts {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const { folder, fileDate, diagnostics } = contributionLocation(file);
  const empty = { file, folder, fileDate, contribution: null, places: {} };
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { ...empty, diagnostics: [...diagnostics, decoded.diagnostic] };
  // `persona contribute` and the intake write LF without a BOM; a hand-made file is told how to match them.
  const encoding = [
    ...noByteOrderMark(file, bytes, 'editor'),
    ...lfLineEndings(file, decoded.text, 'editor'),
  ];
  if (diagnostics.length === 0 && options.fast) {
    const fast = options.fast(file, decoded.text, validate, settings);
    if (fast) return { file, folder, fileDate, ...fast, diagnostics: encoding };
  }
  diagnostics.push(...encoding);

  const parsed = parseYaml(file, decoded.text);
  diagnostics.push(...parsed.diagnostics);
  const { doc, lines } = parsed;
  if (!doc) return { ...empty, diagnostics: capDiagnostics(file, diagnostics) };
  const top = topLevelMapping(
    file,
    { ...parsed, doc },
    {
      subject: 'contribution',
      keys: '`persona:`, `field:`',
      hint: 'Write one `key: value` per line; `npx persona contribute` scaffolds a valid file.',
    },
  );
  if ('diagnostic' in top) {
    diagnostics.push(top.diagnostic);
    return { ...empty, diagnostics: capDiagnostics(file, diagnostics) };
  }
  const { data } = top;
  const ctx: ContributionContext = { file, text: decoded.text, doc, lines, data, settings };
  const ruleDiagnostics = CONTRIBUTION_FILE_RULES.flatMap((rule) => rule(ctx));
  const protectedPlaces = ruleDiagnostics
    .filter((d) => d.rule === 'contribution/protected-field')
    .map((d) => `${d.line}:${d.column}`);
  // A protected field such as `id` gets its own explanation instead of the schema's list of allowed values.
  const schema = schemaDiagnostics(
    file,
    data,
    doc,
    lines,
    withoutIfErrors(validate),
    'The contribution',
    parsed.diagnostics.some((d) => d.severity === 'error') ? undefined : decoded.text,
  ).filter((d) => !(d.rule === 'schema/not-allowed' && protectedPlaces.includes(`${d.line}:${d.column}`)));
  diagnostics.push(...schema, ...ruleDiagnostics);

  const places = placesOf(ctx);
  const capped = capDiagnostics(file, diagnostics);
  const clean = !capped.some((d) => d.severity === 'error');
  return {
    file,
    folder,
    fileDate,
    contribution: clean ? toContribution(data) : null,
    places,
    diagnostics: capped,
  };
}

export function placesOf(ctx: ContributionContext): Record<string, Place> {
  const { data } = ctx;
  const places: Record<string, Place> = {};
  for (const key of CONTRIBUTION_KEY_ORDER) {
    if (!Object.hasOwn(data, key)) continue;
    places[key] = valuePlace(ctx, key);
    places[`key:${key}`] = keyPlace(ctx, key);
  }
  return places;
}

/** The schema's if/then adds "must match then schema" next to each missing key; the missing keys say it all. */
export function withoutIfErrors(validate: SchemaValidator): SchemaValidator {
  const wrapped = ((data: unknown) => {
    const ok = validate(data);
    wrapped.errors = ok ? null : (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    return ok;
  }) as unknown as SchemaValidator;
  wrapped.schemaDocument = validate.schemaDocument;
  return wrapped;
}

/** Only called once the schema passed, so every key has its declared type. */
export function toContribution(data: Record<string, unknown>): Contribution {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const contribution: Contribution = {
    persona: text('persona') ?? '',
    field: text('field') as ContentField,
    action: text('action') as ContributionAction,
    author: text('author') ?? '',
  };
  if (typeof data.item === 'number') contribution.item = data.item;
  for (const key of ['value', 'original', 'rationale', 'evidence'] as const) {
    const value = text(key);
    if (value !== undefined) contribution[key] = value;
  }
  return contribution;
}
