import { type Contribution, type ContributionFacts, placeOf } from '../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import type { ContributionIndex, PersonaTarget } from './contribution-index.ts';

/** The personas a contribution's `persona` value names: by slug, else by id. */
export function candidatesFor(key: string, index: ContributionIndex): PersonaTarget[] {
  return index.bySlug.get(key) ?? index.byId.get(key) ?? [];
}

/**
 * The persona a contribution is about, by slug or id. The `persona` key is authoritative; a folder that
 * disagrees is only a warning, because the file still says clearly what it is about.
 */
export function resolveTarget(
  facts: ContributionFacts,
  contribution: Contribution,
  index: ContributionIndex,
): { target: PersonaTarget | null; diagnostics: Diagnostic[] } {
  const key = contribution.persona;
  const candidates = candidatesFor(key, index);
  // Only when a diagnostic is made: facts revived from the cache read their places from disk on demand.
  const place = () => placeOf(facts, 'persona');
  if (candidates.length === 0) {
    const match = didYouMean(key, index.candidates(/^APP-/.test(key) ? 'id' : 'slug'));
    const folder = facts.folder && index.bySlug.has(facts.folder) ? facts.folder : undefined;
    return {
      target: null,
      diagnostics: [
        diagnostic(
          facts.file,
          place(),
          'contribution/unknown-persona',
          `No persona has the ${/^APP-/.test(key) ? 'id' : 'slug'} \`${key}\`.`,
          match
            ? `Did you mean \`${match}\`?`
            : folder
              ? `Did you mean \`${folder}\`, the folder this file is in?`
              : 'Use the slug of an existing persona (its file name without `.yaml`) or its id, like `APP-101`.',
        ),
      ],
    };
  }
  if (candidates.length > 1) {
    return {
      target: null,
      diagnostics: [
        diagnostic(
          facts.file,
          place(),
          'contribution/unknown-persona',
          `\`${key}\` is ambiguous: ${candidates.map((c) => `\`${c.file}\``).join(', ')} all use it.`,
          'Fix the duplicate in the personas first (`npx persona validate` reports it), then validate again.',
        ),
      ],
    };
  }
  const target = candidates[0] as PersonaTarget;
  const diagnostics: Diagnostic[] = [];
  if (facts.folder !== null && facts.folder !== target.slug) {
    diagnostics.push(
      diagnostic(
        facts.file,
        place(),
        'contribution/folder-mismatch',
        `This contribution is about \`${target.slug}\` but sits in \`contributions/${facts.folder}/\`.`,
        `Move it to \`contributions/${target.slug}/\`. The \`persona\` key decides; the folder only keeps the library tidy.`,
        'warning',
      ),
    );
  }
  if (!target.usable) {
    diagnostics.push(
      diagnostic(
        facts.file,
        place(),
        'contribution/persona-has-errors',
        `\`${target.file}\` has errors of its own, so this contribution cannot be checked against it or merged.`,
        'Fix the persona first (`npx persona validate` lists its errors); the contribution stays pending until then.',
      ),
    );
  }
  return { target, diagnostics };
}
