import { Document } from 'yaml';
import { canonicalYaml } from '../parse/canonical-yaml.ts';
import { PERSONA_CANONICAL_OPTIONS } from './format-persona-source.ts';

export interface PersonaScaffoldInput {
  id: string;
  slug: string;
  title: string;
  product: string;
  category: string;
}

/**
 * A persona that passes the schema, with every section holding a prompt. The prompts start with TODO so
 * `persona validate` keeps warning (lint/placeholder) until each one is written.
 */
export function scaffoldPersona(input: PersonaScaffoldInput): string {
  const todo = (what: string) => `TODO: ${what}`;
  const persona = {
    id: input.id,
    slug: input.slug,
    title: input.title,
    product: input.product,
    category: input.category,
    tags: [input.product],
    aha_moment: todo('the specific moment the product clicked for them.'),
    job_story: 'When TODO situation, I want TODO motivation, so TODO expected outcome.',
    identity: todo('who they are, their role, and how they came to the product.'),
    intention: todo('what they are trying to make the product do for them.'),
    outcome: todo('the concrete result they get when it works.'),
    goals: [todo('a goal, as one complete sentence.')],
    frustrations: [todo('a frustration, as one complete sentence.')],
    worldview: [todo('a belief that shapes how they judge the product.')],
    scenario: todo('a specific moment of use, in the present tense.'),
    context: todo('team, stack, habits and surrounding tools.'),
    success_signal: todo('how you can tell the product has won them over.'),
    churn_trigger: todo('what would make them leave.'),
    impact: [todo('a product improvement and what it would remove for them.')],
    composability: [],
  };
  return canonicalYaml(new Document(persona), PERSONA_CANONICAL_OPTIONS);
}

/** `APP-` + the next number after the highest one in use, at least three digits. */
export function nextFreeId(ids: Iterable<string>): string {
  let highest = 0;
  for (const id of ids) {
    const match = /^APP-(\d{3,})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `APP-${String(highest + 1).padStart(3, '0')}`;
}

/** "The Sentry Error Monitor" for product sentry → "sentry-error-monitor". */
export function slugFor(product: string, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^the-/, '');
  const rest = words.startsWith(`${product}-`)
    ? words.slice(product.length + 1)
    : words === product
      ? ''
      : words;
  return rest ? `${product}-${rest}` : product;
}
