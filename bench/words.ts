import type { Random } from './random.ts';

/*
 * Word lists for synthetic personas. Sentences are assembled from them so every file reads like plausible
 * product research (and trips no placeholder lint), while staying varied enough that YAML parsing and schema
 * checks see realistic input rather than one repeated string.
 */

export const PRODUCT_PREFIXES = [
  'nimbus',
  'lattice',
  'harbor',
  'quill',
  'ember',
  'atlas',
  'pylon',
  'sprout',
  'orbit',
  'cobalt',
  'meadow',
  'beacon',
  'tidal',
  'granite',
  'vector',
  'mosaic',
  'summit',
  'willow',
  'cinder',
  'prism',
  'falcon',
  'juniper',
  'ledger',
  'copper',
  'aurora',
  'delta',
  'kestrel',
  'maple',
  'onyx',
  'raven',
] as const;

export const PRODUCT_SUFFIXES = [
  'desk',
  'flow',
  'hub',
  'base',
  'works',
  'cast',
  'sight',
  'stack',
  'board',
  'forms',
  'mail',
  'pay',
  'track',
  'ops',
  'docs',
  'chat',
  'notes',
  'grid',
  'sync',
  'cloud',
] as const;

export const ROLE_ADJECTIVES = [
  'weekend',
  'billing',
  'onboarding',
  'quarterly',
  'night-shift',
  'remote',
  'freelance',
  'compliance',
  'support',
  'growth',
  'analytics',
  'field',
  'mobile',
  'enterprise',
  'solo',
  'agency',
  'platform',
  'finance',
  'content',
  'security',
  'release',
] as const;

export const ROLE_NOUNS = [
  'reviewer',
  'admin',
  'planner',
  'analyst',
  'operator',
  'editor',
  'lead',
  'builder',
  'auditor',
  'coordinator',
  'owner',
  'maintainer',
  'champion',
  'scheduler',
  'curator',
  'strategist',
  'integrator',
  'approver',
  'researcher',
  'steward',
] as const;

export const CATEGORIES = ['technical', 'business', 'creative', 'operations', 'data'] as const;

export const TAGS = [
  'reporting',
  'automation',
  'billing',
  'collaboration',
  'compliance',
  'dashboards',
  'data-export',
  'deployments',
  'design-review',
  'documentation',
  'forecasting',
  'handoff',
  'incident-response',
  'integrations',
  'invoicing',
  'mobile',
  'notifications',
  'onboarding',
  'permissions',
  'planning',
  'privacy',
  'release-management',
  'scheduling',
  'search',
  'security',
  'self-serve',
  'sla',
  'small-team',
  'spreadsheets',
  'support',
  'templates',
  'time-tracking',
  'triage',
  'usage-analytics',
  'webhooks',
  'workflows',
  'audit-trail',
  'budgets',
  'alerts',
  'approvals',
] as const;

export const RELATIONS = ['pairs-with', 'contrast', 'use-with'] as const;

export const FIRST_NAMES = [
  'ana',
  'bo',
  'chen',
  'dara',
  'eli',
  'femi',
  'gita',
  'hugo',
  'ines',
  'jon',
  'kai',
  'lena',
  'mo',
  'nadia',
  'omar',
  'pia',
  'quinn',
  'rafa',
  'sami',
  'tess',
  'uma',
  'vik',
  'wren',
  'xena',
  'yusuf',
  'zoe',
] as const;

const SIZES = [
  'four-person',
  'nine-person',
  'thirty-person',
  'two-hundred-person',
  'fast-growing',
  'family-run',
];
const INDUSTRIES = [
  'logistics',
  'dental-practice software',
  'B2B scheduling',
  'online education',
  'insurance brokerage',
  'e-commerce',
  'municipal services',
  'clinical research',
  'architecture',
  'subscription coffee',
  'legal tech',
  'renewable energy',
  'event ticketing',
  'property management',
  'nonprofit fundraising',
  'freight forwarding',
];
const ROLES = [
  'operations manager',
  'product designer',
  'support lead',
  'finance analyst',
  'backend developer',
  'customer success manager',
  'marketing generalist',
  'data engineer',
  'office manager',
  'QA engineer',
  'founder',
  'solutions architect',
  'project coordinator',
  'content strategist',
  'account executive',
];
const SUBJECTS = [
  'They',
  'Their teammates',
  'The two people on call',
  'Most reviewers on the team',
  'New hires',
  'Their customers',
  'The finance team',
  'Their manager and they',
  'The contractors they work with',
  'Support agents',
];
const VERBS = [
  'review',
  'export',
  'compare',
  'share',
  'tag',
  'archive',
  'schedule',
  'rebuild',
  'reconcile',
  'audit',
  'triage',
  'annotate',
  'forecast',
  'migrate',
  'document',
  'escalate',
  'approve',
  'sync',
  'benchmark',
  'rename',
  'filter',
  'clean up',
  'hand over',
  'double-check',
];
const OBJECTS = [
  'the weekly usage report',
  'every failed payment',
  'the onboarding checklist',
  'open support tickets',
  'the release notes',
  'draft invoices',
  'stale dashboards',
  'the quarterly roadmap',
  'pending access requests',
  'flaky integration tests',
  'duplicate customer records',
  'the shared calendar',
  'expense receipts',
  'the backlog of feature requests',
  'vendor contracts',
  'the team’s saved views',
  'overdue tasks',
  'the migration plan',
  'customer feedback notes',
  'the pricing page copy',
  'webhook delivery logs',
  'the audit trail',
  'handoff specs',
  'recurring meetings',
];
const MODIFIERS = [
  'before the Monday stand-up',
  'after every deploy',
  'from a shared spreadsheet',
  'on their phone between meetings',
  'while the build runs',
  'at the end of each month',
  'with a saved filter',
  'without leaving the product',
  'in under ten minutes',
  'when a customer escalates',
  'during the Thursday review',
  'late on Friday afternoons',
  'for the board pack',
  'across three time zones',
  'with one keyboard shortcut',
  'before anyone else logs in',
  'on the train home',
  'right after a sales call',
  'while onboarding a new client',
  'as soon as an alert fires',
];
const REASONS = [
  'nobody else knows where the numbers come from',
  'the last tool lost a month of history',
  'their lead asks for it every week',
  'a missed step once cost them a customer',
  'the audit is in six weeks',
  'the team doubled this year',
  'customers now expect same-day answers',
  'the old process lived in one head',
  'copying data by hand kept introducing mistakes',
  'the free plan stopped being enough',
];
const PROBLEMS = [
  'silently drop half the rows',
  'time out on large accounts',
  'need three clicks too many',
  'lose their filters after a refresh',
  'arrive hours after the fact',
  'hide the one field that matters',
  'break whenever a column is renamed',
  'send alerts to the wrong channel',
  'round totals differently',
  'ignore the account time zone',
  'require an admin to change',
  'look fine until someone prints them',
];
const FEATURES = [
  'a bulk edit view',
  'an audit log export',
  'per-project permissions',
  'a keyboard-first inbox',
  'scheduled PDF reports',
  'a sandbox workspace',
  'smarter duplicate detection',
  'a public status page',
  'inline comments on records',
  'a read-only share link',
  'calendar sync in both directions',
  'usage alerts by team',
  'a change history per field',
  'offline mode on mobile',
];
const BELIEFS = [
  'A tool that needs a manual has already lost half its users.',
  'Numbers nobody can trace are worse than none.',
  'The best process is the one the newest hire can follow.',
  'Every alert should name an owner.',
  'Data entered twice will disagree by Friday.',
  'Customers notice slow answers before wrong ones.',
  'Automation is only worth it when someone can see what it did.',
  'A clean backlog is a kindness to the next person.',
  'Defaults matter more than settings.',
  'If it is not in the shared calendar, it is not happening.',
  'Permissions should follow the work, not the org chart.',
  'Small weekly reviews beat big quarterly clean-ups.',
];

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sentence builders over a Random: each call returns one complete sentence with end punctuation. */
export function prose(random: Random) {
  const pick = random.pick;
  const action = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(MODIFIERS)}`;
  const sentence = (): string => {
    switch (random.int(0, 4)) {
      case 0:
        return `${pick(SUBJECTS)} ${action()}.`;
      case 1:
        return `${pick(SUBJECTS)} ${action()}, because ${pick(REASONS)}.`;
      case 2:
        return `${capitalize(pick(OBJECTS))} ${pick(PROBLEMS)}, so they ${action()}.`;
      case 3:
        return `Since ${pick(REASONS)}, they ${action()}.`;
      default:
        return `With ${pick(FEATURES)}, they could ${action()}.`;
    }
  };
  const paragraph = (min: number, max: number) =>
    Array.from({ length: random.int(min, max) }, sentence).join(' ');
  return {
    sentence,
    paragraph,
    identity: () => {
      const role = pick(ROLES);
      return `${/^[aeiou]/i.test(role) ? 'An' : 'A'} ${role} at a ${pick(SIZES)} ${pick(INDUSTRIES)} company. ${paragraph(1, 2)}`;
    },
    jobStory: () =>
      `When ${pick(OBJECTS)} ${pick(PROBLEMS)} ${pick(MODIFIERS)}, I want to ${action()}, so ${pick(REASONS)} stops being a risk.`,
    goal: () => `${capitalize(action())}.`,
    frustration: () => `${capitalize(pick(OBJECTS))} that ${pick(PROBLEMS)} ${pick(MODIFIERS)}.`,
    belief: () =>
      random.chance(0.5)
        ? pick(BELIEFS)
        : `${capitalize(pick(OBJECTS))} deserve an owner, because ${pick(REASONS)}.`,
    impact: () => `${capitalize(pick(FEATURES))} would let them ${action()}.`,
    note: () => `Both ${pick(VERBS)} ${pick(OBJECTS)}, but from opposite ends of the week.`,
    rationale: () => `In our interviews, ${pick(ROLES)}s said ${pick(REASONS)}.`,
  };
}

export type Prose = ReturnType<typeof prose>;
