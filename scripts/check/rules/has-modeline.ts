import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { PERSONA_MODELINE } from '../../core/persona-fields.ts';
import type { PersonaContext } from '../persona/persona-context.ts';

export function hasModeline(ctx: Pick<PersonaContext, 'file' | 'text'>): Diagnostic[] {
  const firstLine = ctx.text
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0]
    ?.replace(/\r$/, '');
  if (firstLine === PERSONA_MODELINE) return [];
  return [
    diagnostic(
      ctx.file,
      { line: 1, column: 1, endLine: 1, endColumn: (firstLine?.length ?? 0) + 1 },
      'file/missing-modeline',
      'The first line is not the schema modeline, so editors cannot autocomplete or explain fields.',
      `Make the first line \`${PERSONA_MODELINE}\` (\`npx persona fmt\` adds it).`,
      'warning',
    ),
  ];
}
