/** Free-text sections of a persona, each a single string. */
export const TEXT_FIELDS = [
  'aha_moment',
  'job_story',
  'identity',
  'intention',
  'outcome',
  'scenario',
  'context',
  'success_signal',
  'churn_trigger',
] as const;

/** List sections of a persona, each a list of strings. */
export const LIST_FIELDS = ['goals', 'frustrations', 'worldview', 'impact'] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type ContentField = TextField | ListField;

/** Content fields in the order the seed persona page shows them (composability follows). */
export const SECTION_ORDER: readonly ContentField[] = [
  'aha_moment',
  'job_story',
  'identity',
  'intention',
  'outcome',
  'goals',
  'frustrations',
  'worldview',
  'scenario',
  'context',
  'success_signal',
  'churn_trigger',
  'impact',
];

export const CONTENT_FIELDS: readonly ContentField[] = SECTION_ORDER;

/** Canonical key order of a persona file; `persona fmt` sorts top-level keys by it. */
export const PERSONA_KEY_ORDER = [
  'id',
  'slug',
  'title',
  'product',
  'category',
  'tags',
  ...SECTION_ORDER,
  'composability',
  'community',
] as const;

/** Canonical key order of one `community.history` entry, as `persona merge` writes it. */
export const HISTORY_KEY_ORDER = [
  'date',
  'author',
  'action',
  'field',
  'item',
  'rationale',
  'evidence',
] as const;

/** Canonical key order inside one composability link. */
export const LINK_KEY_ORDER = ['persona', 'relation', 'note'] as const;

export const FIELD_LABELS: Record<ContentField | 'composability', string> = {
  aha_moment: 'Aha moment',
  job_story: 'Job story',
  identity: 'Identity',
  intention: 'Intention',
  outcome: 'Outcome',
  goals: 'Goals',
  frustrations: 'Frustrations',
  worldview: 'Worldview',
  scenario: 'Scenario',
  context: 'Context',
  success_signal: 'Success signal',
  churn_trigger: 'Churn trigger',
  impact: 'Impact',
  composability: 'Composability',
};

export function isTextField(field: string): field is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(field);
}

export function isListField(field: string): field is ListField {
  return (LIST_FIELDS as readonly string[]).includes(field);
}

export function isContentField(field: string): field is ContentField {
  return isTextField(field) || isListField(field);
}

/** Keys that must never reach a plain object: they would touch its prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const PERSONA_MODELINE = '# yaml-language-server: $schema=../../schemas/persona.schema.json';
export const CONTRIBUTION_MODELINE = '# yaml-language-server: $schema=../../schemas/contribution.schema.json';
/** The tag vocabulary, at the library root. */
export const TAG_VOCABULARY_FILE = 'tags.yaml';
export const TAG_VOCABULARY_MODELINE = '# yaml-language-server: $schema=schemas/tags.schema.json';

/** How `persona fmt` lays out a persona: key orders for the top level and for composability links. */
export interface CanonicalLayout {
  keyOrder: readonly string[];
  itemKeyOrder?: Record<string, readonly string[]>;
  modeline: string;
}

export const PERSONA_CANONICAL_OPTIONS: CanonicalLayout = {
  keyOrder: PERSONA_KEY_ORDER,
  itemKeyOrder: { composability: LINK_KEY_ORDER },
  modeline: PERSONA_MODELINE,
};
