import { type Diagnostic, diagnostic, type Place, START_OF_FILE } from '../../core/diagnostic.ts';
import type { PersonaFacts } from '../persona/check-persona-file.ts';

/** Where a persona's value is, for a persona whose facts carry no places (it took the fast path). */
export type PlaceOfValue = (file: string, key: string) => Place;

/**
 * What a pull request changes that only a comparison with its base can tell, applied to the head's own
 * diagnostics. Pure: both libraries were validated before this.
 *
 * - `id/changed`: a persona that exists on the base has another id (or none) in the head. Ids are immutable
 *   once on main: links, issues and exports name them.
 * - `id/taken`: a persona the pull request adds has an id another persona holds on the base. That is not the
 *   contributor's to fix: ids are assigned by the apply workflow, which gives it the next free one when it is
 *   merged. It replaces the `id/duplicate` errors on the new persona and on the one that already had the id.
 */
export function checkAgainstBase(
  head: { personas: readonly PersonaFacts[]; diagnostics: readonly Diagnostic[] },
  base: { personas: readonly PersonaFacts[] },
  placeOf: PlaceOfValue,
): Diagnostic[] {
  const baseById = new Map<string, string[]>();
  const baseByFile = new Map<string, PersonaFacts>();
  const baseBySlug = new Map<string, PersonaFacts>();
  for (const facts of base.personas) {
    baseByFile.set(facts.file, facts);
    const id = idOf(facts);
    if (id !== undefined) baseById.set(id, [...(baseById.get(id) ?? []), facts.file]);
    const slug = slugOf(facts);
    if (slug !== undefined) baseBySlug.set(slug, facts);
  }
  const out: Diagnostic[] = [];
  const relaxed = new Set<string>();
  const headById = new Map<string, PersonaFacts[]>();
  for (const facts of head.personas) {
    const id = idOf(facts);
    if (id !== undefined) headById.set(id, [...(headById.get(id) ?? []), facts]);
    const slug = slugOf(facts);
    const before = baseByFile.get(facts.file) ?? (slug === undefined ? undefined : baseBySlug.get(slug));
    const was = before ? idOf(before) : undefined;
    if (was !== undefined && id !== was) {
      out.push(
        diagnostic(
          facts.file,
          id === undefined ? START_OF_FILE : placeOf(facts.file, 'id'),
          'id/changed',
          id === undefined
            ? `This persona has no \`id\`; on the base branch it is \`${was}\`.`
            : `The id changed from \`${was}\` to \`${id}\`; ids never change once a persona is on the base branch.`,
          `Restore \`id: ${was}\`: links, issues and the exports name personas by it.`,
        ),
      );
    }
  }
  for (const [id, holders] of headById) {
    if (holders.length < 2) continue;
    const onBase = new Set(baseById.get(id) ?? []);
    const arrived = holders.filter((h) => !onBase.has(h.file) && !baseByFile.has(h.file));
    // A duplicate the base already had is not this pull request's; nor is one among personas it did not add.
    if (arrived.length === 0 || holders.length - arrived.length > 1) continue;
    for (const holder of holders) relaxed.add(holder.file);
    for (const holder of arrived) {
      const owner = holders.find((h) => !arrived.includes(h));
      out.push(
        diagnostic(
          holder.file,
          placeOf(holder.file, 'id'),
          'id/taken',
          owner
            ? `The id \`${id}\` is already used by \`${owner.file}\`, so this new persona gets the next free id when it is merged.`
            : `The id \`${id}\` is used by more than one new persona; all but the first get the next free ids when merged.`,
          'Nothing to do: the apply workflow assigns ids on main, in the order personas arrive. Links use slugs, so nothing else changes.',
          'warning',
        ),
      );
    }
  }
  const kept = head.diagnostics.filter((d) => !(d.rule === 'id/duplicate' && relaxed.has(d.file)));
  return [...kept, ...out];
}

// The summary first: reading `data` of facts whose data stayed in a worker parses the file again.
function idOf(facts: PersonaFacts): string | undefined {
  const id = facts.summary ? facts.summary.id : facts.data?.id;
  return typeof id === 'string' ? id : undefined;
}

function slugOf(facts: PersonaFacts): string | undefined {
  const slug = facts.summary ? facts.summary.slug : facts.data?.slug;
  return typeof slug === 'string' ? slug : undefined;
}
