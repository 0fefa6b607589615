import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { CONTENT_FIELDS } from '../../../core/persona-fields.ts';
import { type ContributionContext, textAt, valuePlace } from '../contribution-context.ts';

/** Persona keys that are not content: identity, classification, links, and the tool-maintained provenance. */
const PROTECTED: Record<string, string> = {
  id: 'the stable identifier never changes',
  slug: 'the slug names the file and every link to it',
  title: 'renaming a persona is a maintainer decision',
  product: 'the product decides the folder the persona lives in',
  category: 'the category is a maintainer decision',
  tags: 'tags are curated by maintainers',
  composability: 'links between personas are curated by maintainers',
  community: 'provenance is maintained by `persona merge` from the contributions it applies',
};

export function protectedField(ctx: ContributionContext): Diagnostic[] {
  const field = textAt(ctx.data, 'field');
  if (field === undefined || !Object.hasOwn(PROTECTED, field)) return [];
  return [
    diagnostic(
      ctx.file,
      valuePlace(ctx, 'field'),
      'contribution/protected-field',
      `\`${field}\` cannot be changed by a contribution: ${PROTECTED[field]}.`,
      `Contributions are about the content fields: ${CONTENT_FIELDS.map((f) => `\`${f}\``).join(', ')}. To change \`${field}\`, open an issue or a pull request on the persona file.`,
    ),
  ];
}
