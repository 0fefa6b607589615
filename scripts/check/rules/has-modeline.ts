import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type RuleMeta, withFix } from '../../core/fix.ts';
import { PERSONA_MODELINE } from '../../core/persona-fields.ts';
import type { PersonaContext } from '../persona/persona-context.ts';

/** Fixable: the modeline is written as the first line (over a modeline for another schema). */
export const hasModelineMeta: RuleMeta = { rule: 'file/missing-modeline', fixable: true };

export function hasModeline(ctx: Pick<PersonaContext, 'file' | 'text'>): Diagnostic[] {
  const firstLine = ctx.text
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0]
    ?.replace(/\r$/, '');
  if (firstLine === PERSONA_MODELINE) return [];
  // A modeline naming another schema is replaced; anything else on the first line stays, below the modeline.
  const replaces = firstLine?.startsWith('# yaml-language-server:') === true;
  const fix = {
    description: replaces ? 'Correct the schema modeline.' : 'Add the schema modeline as the first line.',
    edits: [
      {
        file: ctx.file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: replaces ? (firstLine?.length ?? 0) + 1 : 1,
        text: replaces ? PERSONA_MODELINE : `${PERSONA_MODELINE}\n`,
      },
    ],
  };
  return [
    withFix(
      hasModelineMeta,
      diagnostic(
        ctx.file,
        { line: 1, column: 1, endLine: 1, endColumn: (firstLine?.length ?? 0) + 1 },
        'file/missing-modeline',
        'The first line is not the schema modeline, so editors cannot autocomplete or explain fields.',
        `Make the first line \`${PERSONA_MODELINE}\` (\`npx persona fmt\` adds it).`,
        'warning',
      ),
      fix,
    ),
  ];
}
