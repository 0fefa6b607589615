import type { Diagnostic } from '../../../core/diagnostic.ts';
import type { ContributionContext } from '../contribution-context.ts';
import { actionFitsField } from './action-fits-field.ts';
import { correctionChangesText } from './correction-changes-text.ts';
import { hasContributionModeline } from './has-contribution-modeline.ts';
import { noUnexpectedKeys } from './no-unexpected-keys.ts';
import { privateText } from './private-text.ts';
import { protectedField } from './protected-field.ts';

export type ContributionFileRule = (ctx: ContributionContext) => Diagnostic[];

/** Rules that need one contribution file only; they run where the file is parsed. */
export const CONTRIBUTION_FILE_RULES: readonly ContributionFileRule[] = [
  hasContributionModeline,
  protectedField,
  actionFitsField,
  noUnexpectedKeys,
  correctionChangesText,
  privateText,
];
