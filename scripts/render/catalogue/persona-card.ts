import type { ListItem, PhrasingContent } from 'mdast';
import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { personaProvenanceWords } from './community-words.ts';
import { inlineCode, joined, link, paragraph, text, untrustedLine } from './mdast.ts';

/**
 * One persona as a card in a listing (the index, product, category and tag pages), linked from `self`: title,
 * id, category and tags on the first line; the identity's first sentence and the start of the aha moment on
 * the second, with its confirmations and last review, so a reader can choose without opening every page.
 */
export function personaCard(self: string, persona: PersonaOutline): ListItem {
  const first: PhrasingContent[] = [
    link(
      relativeLink(self, CATALOGUE_PATHS.personaPage(persona.product, persona.slug)),
      untrustedLine(persona.title),
    ),
    text(' · '),
    inlineCode(persona.id),
    text(' · '),
    link(relativeLink(self, CATALOGUE_PATHS.categoryPage(persona.category)), text(persona.category)),
    text(' · '),
    ...joined(
      persona.tags.map((tag) => [link(relativeLink(self, CATALOGUE_PATHS.tagPage(tag)), text(tag))]),
      ', ',
    ),
  ];
  const second: PhrasingContent[] = [untrustedLine(persona.summary)];
  if (persona.aha) second.push(text(' Aha: “'), untrustedLine(persona.aha), text('”'));
  second.push(text(` (${reviewWords(persona)})`));
  return { type: 'listItem', spread: false, children: [paragraph(...first), paragraph(...second)] };
}

/** "3 confirmations · 1 added item · last reviewed 2026-11-20" (as its page says it), or "not yet reviewed". */
export function reviewWords(persona: PersonaOutline): string {
  return personaProvenanceWords(persona.community) ?? 'not yet reviewed';
}
