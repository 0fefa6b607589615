import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { CONTRIBUTION_MODELINE } from '../../../core/persona-fields.ts';
import type { ContributionContext } from '../contribution-context.ts';

export function hasContributionModeline(ctx: ContributionContext): Diagnostic[] {
  const firstLine = ctx.text
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0]
    ?.replace(/\r$/, '');
  if (firstLine === CONTRIBUTION_MODELINE) return [];
  return [
    diagnostic(
      ctx.file,
      { line: 1, column: 1, endLine: 1, endColumn: (firstLine?.length ?? 0) + 1 },
      'file/missing-modeline',
      'The first line is not the schema modeline, so editors cannot autocomplete or explain the keys.',
      `Make the first line \`${CONTRIBUTION_MODELINE}\` (\`npx persona contribute\` writes it).`,
      'warning',
    ),
  ];
}
