import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { linksOf, type PersonaContext, placeIn } from '../persona/persona-context.ts';

export function noDuplicateLink(ctx: PersonaContext): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const link of linksOf(ctx.data)) {
    const earlier = first.get(link.persona);
    if (earlier === undefined) {
      first.set(link.persona, link.index);
      continue;
    }
    out.push(
      diagnostic(
        ctx.file,
        placeIn(ctx, 'composability', link.index, 'persona'),
        'link/duplicate',
        `\`${link.persona}\` is linked twice (links ${earlier + 1} and ${link.index + 1}).`,
        'Keep one link per persona; merge the two notes into one.',
      ),
    );
  }
  return out;
}
