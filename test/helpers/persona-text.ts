import { PERSONA_MODELINE } from '../../scripts/core/persona-fields.ts';

/**
 * A complete, valid persona as YAML text, one key per line in canonical order. `overrides` replace whole
 * lines by key (value text is inserted verbatim, so tests control quoting and markers).
 */
export function personaText(
  slug: string,
  options: {
    id?: string;
    product?: string;
    title?: string;
    links?: string[];
    overrides?: Record<string, string | null>;
  } = {},
): string {
  const product = options.product ?? slug.split('-')[0] ?? 'acme';
  const links = options.links ?? [];
  const lines: Record<string, string> = {
    id: `id: ${options.id ?? 'APP-101'}`,
    slug: `slug: ${slug}`,
    title: `title: "${options.title ?? `The ${slug} persona`}"`,
    product: `product: ${product}`,
    category: 'category: technical',
    tags: 'tags:\n  - monitoring\n  - production',
    aha_moment: 'aha_moment: "The first alert that arrived before the customer email did."',
    job_story:
      'job_story: "When a deploy goes out late on Friday, I want errors grouped by release, so I can roll back in minutes."',
    identity: 'identity: "A backend developer on a six-person team who inherited the monitoring setup."',
    intention: 'intention: "To know about breakage before anyone else does."',
    outcome: 'outcome: "Incidents are found in minutes and fixed the same day."',
    goals:
      'goals:\n  - "Catch regressions within ten minutes of a deploy."\n  - "Keep the alert channel quiet enough to trust."',
    frustrations: 'frustrations:\n  - "Alerts that fire for bots hitting old endpoints."',
    worldview: 'worldview:\n  - "An alert nobody acts on is noise."',
    scenario:
      'scenario: "At 4:10 a new error spikes after the 4:00 deploy; they open the release view and roll back."',
    context: 'context: "Works in a monorepo with two services and a React front end."',
    success_signal: 'success_signal: "They stop checking the dashboard by habit."',
    churn_trigger: 'churn_trigger: "A missed outage that the tool should have caught."',
    impact: 'impact:\n  - "Release-aware grouping would remove the manual diffing of stack traces."',
    composability:
      links.length === 0
        ? 'composability: []'
        : `composability:\n${links.map((l) => `  - persona: ${l}\n    relation: pairs-with\n    note: "They work the same incidents."`).join('\n')}`,
  };
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value === null) delete lines[key];
    else lines[key] = value;
  }
  return `${PERSONA_MODELINE}\n${Object.values(lines).join('\n')}\n`;
}
