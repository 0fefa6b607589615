import { PERSONA_MODELINE } from '../../scripts/core/persona-fields.ts';

/**
 * Job stories and identities of distinct people, so that personas made here never look like duplicates of each
 * other (lint/duplicate-persona): the first is every test's `acme-alpha`.
 */
const VOICES: ReadonlyArray<{ job_story: string; identity: string }> = [
  {
    job_story:
      'When a deploy goes out late on Friday, I want errors grouped by release, so I can roll back in minutes.',
    identity: 'A backend developer on a six-person team who inherited the monitoring setup.',
  },
  {
    job_story:
      'When the quarterly invoice run starts, I want failed card payments listed by account value, so finance chases the biggest ones first.',
    identity: 'A billing analyst in a finance team of three who owns dunning emails and refunds.',
  },
  {
    job_story:
      'When a designer hands over a new screen, I want tokens and spacing named as in code, so I build it without guessing.',
    identity: 'A frontend engineer who turns design files into components for a mobile banking app.',
  },
  {
    job_story:
      'When a support ticket mentions a slow page, I want the trace of that request, so I can tell support what happened.',
    identity: 'A site reliability engineer who answers escalations from a support desk of twenty agents.',
  },
  {
    job_story:
      'When our planning cycle closes, I want unfinished issues moved with their estimates, so the next cycle starts honest.',
    identity: 'An engineering manager who runs two-week cycles for a product squad of seven.',
  },
  {
    job_story:
      'When a workflow fails overnight, I want the failed run and its input data in one place, so I can rerun it before clients notice.',
    identity: 'An automation consultant who maintains scenarios for a dozen small agencies.',
  },
];

/** Known test slugs get a voice each; any other slug one chosen by its characters. */
const VOICE_OF: Record<string, number> = {
  'acme-alpha': 0,
  'acme-beta': 1,
  'acme-gamma': 2,
  'acme-new': 3,
  'acme-broken': 4,
  alpha: 5,
};

function voiceOf(slug: string) {
  const index = VOICE_OF[slug] ?? [...slug].reduce((sum, c) => sum + c.charCodeAt(0), 0) % VOICES.length;
  return VOICES[index] as (typeof VOICES)[number];
}

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
    job_story: `job_story: "${voiceOf(slug).job_story}"`,
    identity: `identity: "${voiceOf(slug).identity}"`,
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
