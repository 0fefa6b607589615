import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type PersonaContext, placeIn, stringAt } from '../persona/persona-context.ts';

export function productMatchesFolder(ctx: PersonaContext): Diagnostic[] {
  const product = stringAt(ctx.data, 'product');
  if (!ctx.location || product === undefined || product === ctx.location.product) return [];
  return [
    diagnostic(
      ctx.file,
      placeIn(ctx, 'product'),
      'product/folder-mismatch',
      `The product \`${product}\` differs from the folder \`personas/${ctx.location.product}/\` the file is in.`,
      `Set \`product: ${ctx.location.product}\`, or move the file to \`personas/${product}/\`.`,
    ),
  ];
}
