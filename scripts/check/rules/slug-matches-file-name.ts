import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type PersonaContext, placeIn, stringAt } from '../persona/persona-context.ts';

export function slugMatchesFileName(ctx: PersonaContext): Diagnostic[] {
  const slug = stringAt(ctx.data, 'slug');
  if (!ctx.location || slug === undefined || slug === ctx.location.slug) return [];
  return [
    diagnostic(
      ctx.file,
      placeIn(ctx, 'slug'),
      'slug/file-name-mismatch',
      `The slug \`${slug}\` differs from the file name \`${ctx.location.slug}.yaml\`.`,
      `Make them equal: set \`slug: ${ctx.location.slug}\`, or rename the file to \`${slug}.yaml\`.`,
    ),
  ];
}
