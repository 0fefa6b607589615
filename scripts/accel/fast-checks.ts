import { LineCounter } from 'yaml';
import {
  type FastContributionCheck,
  placesOf,
  toContribution,
  withoutIfErrors,
} from '../check/contribution/check-contribution-file.ts';
import type { ContributionContext } from '../check/contribution/contribution-context.ts';
import { CONTRIBUTION_FILE_RULES } from '../check/contribution/rules/contribution-file-rules.ts';
import type { FastPersonaCheck } from '../check/persona/check-persona-file.ts';
import type { PersonaContext } from '../check/persona/persona-context.ts';
import { PERSONA_RULES } from '../check/rules/persona-rules.ts';
import { fastParse, fastParseFlat } from './fast-yaml.ts';
import { isPlainlyCanonical } from './plainly-canonical.ts';

const NO_LINES = new LineCounter();

/**
 * The common persona, at a fraction of the cost: a plainly well-formed, plainly canonical file that passes the
 * schema and every single-file rule gives its data without a full YAML parse. Any doubt (an unusual line, a
 * layout the printer might change, a schema error, a rule that fires) declines, and the file is checked in
 * full. The rules run without a document: here they only decide whether they fire.
 */
export const fastPersonaCheck: FastPersonaCheck = (file, text, validate, location, settings) => {
  const data = fastParse(text);
  // A file whose lines do not plainly show canonical form is printed and compared by the full check.
  if (!data || !isPlainlyCanonical(text) || !validate(data)) return undefined;
  const ctx: PersonaContext = { file, text, doc: null, lines: NO_LINES, data, location, settings };
  for (const rule of PERSONA_RULES) if (rule(ctx).length > 0) return undefined;
  return data;
};

/**
 * The common contribution, cheaply: a flat, plainly well-formed file that passes the schema and every
 * single-file rule, with the places of its keys and values read off its lines.
 */
export const fastContributionCheck: FastContributionCheck = (file, text, validate, settings) => {
  const flat = fastParseFlat(text);
  if (!flat || !withoutIfErrors(validate)(flat.data)) return undefined;
  const ctx: ContributionContext = {
    file,
    text,
    doc: null,
    lines: NO_LINES,
    data: flat.data,
    flatPlaces: flat.places,
    settings,
  };
  for (const rule of CONTRIBUTION_FILE_RULES) if (rule(ctx).length > 0) return undefined;
  return { contribution: toContribution(flat.data), places: placesOf(ctx), diagnostics: [] };
};
