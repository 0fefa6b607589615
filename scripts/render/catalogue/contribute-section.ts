import type { Paragraph, RootContent } from 'mdast';
import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { type ContentField, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import { issueFormLink, newFileLink } from './contribute-links.ts';
import type { ContributionAction } from './contribution-template.ts';
import { LOGIN_PLACEHOLDER } from './contribution-template.ts';
import { heading, inlineCode, joined, link, paragraph, text } from './mdast.ts';

/** The heading of the section at the end of a persona page; the community line links to it. */
export const CONTRIBUTE_HEADING = 'Contribute';

/**
 * The line that ends each section: Confirm · Correct (· Add an item, for a list). Each opens the contribution
 * form with the persona, field and action filled in; correcting a text field also fills in its current text
 * (left out when the link would be too long to open), correcting a list item asks for its number in the form.
 */
export function sectionContributeLine(
  persona: CataloguePersona,
  field: ContentField,
  options: CatalogueOptions,
): Paragraph {
  const target = (action: ContributionAction, original?: string) =>
    issueFormLink(
      { slug: persona.slug, id: persona.id, title: persona.title, field, action, original },
      options,
    ).url;
  const links = [
    [link(target('confirm'), text('Confirm'))],
    [link(target('correct', isListField(field) ? undefined : persona[field]), text('Correct'))],
  ];
  if (isListField(field)) links.push([link(target('extend'), text('Add an item'))]);
  return paragraph(...joined(links, ' · '));
}

/** "Contribute": how the section links work, and one new-file link with a short template for Git users. */
export function contributeSection(persona: CataloguePersona, options: CatalogueOptions): RootContent[] {
  const file = newFileLink(
    {
      slug: persona.slug,
      id: persona.id,
      title: persona.title,
      field: SECTION_ORDER[0] as ContentField,
      action: 'confirm',
    },
    options,
    { instructions: false },
  );
  return [
    heading(2, text(CONTRIBUTE_HEADING)),
    paragraph(
      text(
        'Recognise yourself in this persona? The links under each section open the contribution form, filled in: ' +
          'confirm what is right, correct what is wrong, add what is missing. A bot turns it into a pull request, ' +
          'and this page credits you once it is merged.',
      ),
    ),
    paragraph(
      text('Git users: '),
      link(file.url, text('propose a contribution file')),
      text(' (set '),
      inlineCode('field'),
      text(' and '),
      inlineCode('action'),
      text(', and put your login in place of '),
      inlineCode(LOGIN_PLACEHOLDER),
      text(').'),
    ),
  ];
}
