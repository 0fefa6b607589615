import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type PersonaContext, placeIn, stringAt } from '../persona/persona-context.ts';

export function slugHasProductPrefix(ctx: PersonaContext): Diagnostic[] {
  const slug = stringAt(ctx.data, 'slug');
  const product = stringAt(ctx.data, 'product');
  if (slug === undefined || product === undefined || slug.startsWith(`${product}-`)) return [];
  return [
    diagnostic(
      ctx.file,
      placeIn(ctx, 'slug'),
      'slug/product-prefix',
      `The slug \`${slug}\` must start with its product, \`${product}-\`.`,
      `Did you mean \`${product}-${slug}\`? Rename the file to match.`,
    ),
  ];
}
