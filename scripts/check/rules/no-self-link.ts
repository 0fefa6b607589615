import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { linksOf, type PersonaContext, placeIn, stringAt } from '../persona/persona-context.ts';

export function noSelfLink(ctx: PersonaContext): Diagnostic[] {
  const slug = stringAt(ctx.data, 'slug');
  return linksOf(ctx.data)
    .filter((link) => link.persona === slug)
    .map((link) =>
      diagnostic(
        ctx.file,
        placeIn(ctx, 'composability', link.index, 'persona'),
        'link/self',
        `Composability link ${link.index + 1} points at this persona itself (\`${link.persona}\`).`,
        'Link to a different persona, or remove this link.',
      ),
    );
}
