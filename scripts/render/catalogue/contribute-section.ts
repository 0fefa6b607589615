import type { Link, PhrasingContent, RootContent } from 'mdast';
import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { FIELD_LABELS, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import type { ContributeLink, PageTarget } from './contribute-links.ts';
import { LOGIN_PLACEHOLDER } from './contribution-template.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { heading, inlineCode, joined, link, paragraph, table, text } from './mdast.ts';

/** "Contribute to this persona": per field, links to confirm it, correct it (per item for lists) or extend it. */
export function contributeSection(
  persona: CataloguePersona,
  options: CatalogueOptions,
  kit: MarkdownKit,
): RootContent[] {
  const links = kit.contributeLinks(persona, options);
  const rows = SECTION_ORDER.map((field): PhrasingContent[][] => {
    const confirm = targetCell('confirm', { field, action: 'confirm' }, links);
    if (!isListField(field)) {
      const correct = targetCell('correct', { field, action: 'correct', original: persona[field] }, links);
      return [[text(FIELD_LABELS[field])], confirm, correct, [text('—')]];
    }
    const items = persona[field].map((item, index) =>
      targetCell(`item ${index + 1}`, { field, action: 'correct', item: index + 1, original: item }, links),
    );
    const extend = targetCell('add an item', { field, action: 'extend' }, links);
    return [[text(FIELD_LABELS[field])], confirm, joined(items, ' · '), extend];
  });
  return [
    heading(2, text('Contribute to this persona')),
    paragraph(
      text(
        'Recognise yourself in this persona? Confirm what is right, correct what is wrong, or add what is missing. ' +
          'Each link opens the contribution form, already filled in: say why, submit, and a bot turns it into a pull ' +
          'request. If you use Git, the (file) link opens a prefilled contribution file instead: replace ',
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

/** One target's links: the label links to the first way to contribute, the others follow in parentheses. */
function targetCell(
  label: string,
  target: PageTarget,
  links: (target: PageTarget) => ContributeLink[],
): PhrasingContent[] {
  const [main, ...others] = links(target);
  if (!main) return [text(label)];
  return [
    contributeLink(main, label),
    ...others.flatMap((other): PhrasingContent[] => [
      text(' ('),
      contributeLink(other, other.label),
      text(')'),
    ]),
  ];
}

function contributeLink(made: ContributeLink, label: string): Link {
  const node = link(made.url, text(label));
  if (made.destination !== undefined) node.data = { destination: made.destination };
  return node;
}
