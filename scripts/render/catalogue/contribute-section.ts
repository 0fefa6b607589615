import type { PhrasingContent, RootContent } from 'mdast';
import { FIELD_LABELS, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import type { CataloguePersona } from './catalogue-persona.ts';
import { contributeLinks } from './contribute-links.ts';
import type { ContributionTarget } from './contribution-template.ts';
import { LOGIN_PLACEHOLDER } from './contribution-template.ts';
import { heading, inlineCode, joined, link, paragraph, table, text } from './mdast.ts';

/** "Contribute to this persona": per field, links to confirm it, correct it (per item for lists) or extend it. */
export function contributeSection(persona: CataloguePersona, options: CatalogueOptions): RootContent[] {
  const rows = SECTION_ORDER.map((field): PhrasingContent[][] => {
    const base = { slug: persona.slug, field };
    const confirm = targetCell('confirm', { ...base, action: 'confirm' }, options);
    if (!isListField(field)) {
      const correct = targetCell(
        'correct',
        { ...base, action: 'correct', original: persona[field] },
        options,
      );
      return [[text(FIELD_LABELS[field])], confirm, correct, [text('—')]];
    }
    const items = persona[field].map((item, index) =>
      targetCell(
        `item ${index + 1}`,
        { ...base, action: 'correct', item: index + 1, original: item },
        options,
      ),
    );
    const extend = targetCell('add an item', { ...base, action: 'extend' }, options);
    return [[text(FIELD_LABELS[field])], confirm, joined(items, ' · '), extend];
  });
  return [
    heading(2, text('Contribute to this persona')),
    paragraph(
      text(
        'Recognise yourself in this persona? Confirm what is right, correct what is wrong, or add what is missing. ' +
          'Each link opens a prefilled contribution file on GitHub: replace ',
      ),
      inlineCode(LOGIN_PLACEHOLDER),
      text(' with your GitHub login in the file name and in '),
      inlineCode('author'),
      text(', say why in '),
      inlineCode('rationale'),
      text(', then propose the change. A maintainer merges it and the persona records your review.'),
    ),
    table([[text('Section')], [text('Confirm')], [text('Correct')], [text('Extend')]], rows),
  ];
}

/** One target's links: just "[confirm](…)" while there is one way to contribute, "confirm: [a](…) · [b](…)" with more. */
function targetCell(label: string, target: ContributionTarget, options: CatalogueOptions): PhrasingContent[] {
  const links = contributeLinks(target, options);
  const [only] = links;
  if (links.length === 1 && only) return [link(only.url, text(label))];
  return [
    text(`${label}: `),
    ...joined(
      links.map((l) => [link(l.url, text(l.label))]),
      ' · ',
    ),
  ];
}
