import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type PersonaContext, placeIn, stringAt } from '../persona/persona-context.ts';

/**
 * "When <situation>, I want <motivation>, so <outcome>". The second test catches the template slip seen in
 * the wild ("When I'm it's Wednesday…"): a situation that starts with two subjects in a row.
 */
const SHAPE = /^When\s+\S.*?,\s*I want\s+\S.*?,?\s+so\b\s*\S/s;
const SLIP = /^When I'm (it's|it is|there's|there is|they're|we're|I'm)\b/i;

export function jobStoryShape(ctx: PersonaContext): Diagnostic[] {
  const story = stringAt(ctx.data, 'job_story');
  if (story === undefined || story.trim() === '') return [];
  const trimmed = story.trim();
  if (SLIP.test(trimmed)) {
    return [
      warn(
        ctx,
        `The job story starts with a template slip: "${trimmed.slice(0, 30)}…".`,
        'Rewrite the situation as one clause, e.g. "When a deploy goes out on a Friday afternoon, …".',
      ),
    ];
  }
  if (SHAPE.test(trimmed)) return [];
  return [
    warn(
      ctx,
      'The job story is not shaped "When …, I want …, so …".',
      'Write it as: When <situation>, I want <motivation>, so <expected outcome>.',
    ),
  ];
}

function warn(ctx: PersonaContext, message: string, hint: string): Diagnostic {
  return diagnostic(ctx.file, placeIn(ctx, 'job_story'), 'lint/job-story-shape', message, hint, 'warning');
}
