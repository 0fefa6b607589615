import { ACTION_LABELS, FORM_TEMPLATE_FILE, type FormPersona } from '../../core/contribute-form.ts';
import type { ContributionAction } from '../../core/contribution.ts';
import { type ContentField, FIELD_LABELS } from '../../core/persona-fields.ts';

export interface FormPrefill {
  /** Named by slug: the form takes a slug, an id or a title, and the slug is short and reads as the persona. */
  persona: Pick<FormPersona, 'slug'>;
  field: ContentField;
  action: ContributionAction;
  /** 1-based list item, for confirming or correcting one item. */
  item?: number;
  /** A correction's starting point: the current text, for the contributor to edit in place. */
  text?: string;
}

/** GitHub answers 414 to very long URLs; past this, the prefilled text is left out and the rest still works. */
export const MAX_FORM_URL_LENGTH = 8000;

/**
 * `<repo>/issues/new?template=contribute.yml&…` with the form already filled in. GitHub prefills an issue
 * form field from the query parameter named after its `id`; a dropdown takes the text of one of its options,
 * so these are the exact option labels the generator writes. The issue keeps the form's own title: a persona
 * page carries about thirty of these links, and a title per link was a fifth of their bytes. Every value is
 * percent-encoded (parentheses too), so the URL is safe as a Markdown link destination.
 */
export function contributeFormUrl(repositoryUrl: string, prefill: FormPrefill): string {
  const withText = buildUrl(repositoryUrl, prefill, true);
  return withText.length <= MAX_FORM_URL_LENGTH ? withText : buildUrl(repositoryUrl, prefill, false);
}

function buildUrl(repositoryUrl: string, prefill: FormPrefill, withText: boolean): string {
  const params: [string, string][] = [
    ['template', FORM_TEMPLATE_FILE],
    ['persona', prefill.persona.slug],
    ['field', FIELD_LABELS[prefill.field]],
    ['action', ACTION_LABELS[prefill.action]],
  ];
  if (prefill.item !== undefined) params.push(['item', String(prefill.item)]);
  if (withText && prefill.text !== undefined) params.push(['text', prefill.text]);
  const query = params.map(([key, value]) => `${key}=${encodeQueryComponent(value)}`).join('&');
  return `${repositoryUrl.replace(/\/+$/, '')}/issues/new?${query}`;
}

function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
