import { FIXABLE_RULES } from '../check/rule-meta.ts';
import type { PersonaReport } from '../core/report.ts';
import type { RuleId } from '../core/rules.ts';
import { explainGitHubError } from '../github/explain-github-error.ts';
import type { GitHubClient } from '../github/github-client.ts';
import { listPullFiles } from '../github/pull-files.ts';
import type { Repo } from '../github/resolve-pull-request.ts';
import { syncSuggestionReview } from '../github/suggestion-review.ts';
import { type DiffLine, newSideLines } from '../parse/pull-patch.ts';
import type { SuggestionsOutcome } from '../render/bot/fixes-section.ts';
import {
  outdatedSuggestionBody,
  planSuggestions,
  REVIEW_MARKER,
  reviewBody,
  SUGGESTION_MARKER,
  type SuggestionPlan,
  supersededReviewBody,
} from '../render/bot/suggestions.ts';
import type { ActionsEnv } from './actions-env.ts';

/**
 * The report's fixes on the lines the pull request changes, as suggested changes in one review of the bot (the
 * rest are listed in the comment). The diff comes from the API, never from the report, and the pull request
 * must still be at the report's head after it is read, so no suggestion mixes two commits. A failure here is
 * said in the comment and on stderr, and the comment is still posted.
 */
export async function suggestFixes(
  client: GitHubClient,
  target: Repo,
  pullNumber: number,
  report: PersonaReport,
  env: ActionsEnv,
  io: { stdout(text: string): void; stderr(text: string): void },
): Promise<SuggestionsOutcome> {
  let plan: SuggestionPlan = { suggestions: [], notSuggested: [] };
  try {
    if (report.diagnostics.some((d) => d.introduced && d.fix && FIXABLE_RULES.has(d.rule as RuleId))) {
      const diff = new Map<string, Map<number, DiffLine>>();
      for (const file of await listPullFiles(client, target, pullNumber)) {
        const lines = file.patch === null ? undefined : newSideLines(file.patch);
        if (lines) diff.set(file.filename, lines);
      }
      plan = planSuggestions(report, diff);
      const { data: now } = await client.rest.pulls.get({ ...target, pull_number: pullNumber });
      if (now.head.sha !== report.headSha) {
        io.stdout(
          `persona comment: #${pullNumber} moved to ${now.head.sha.slice(0, 7)}; no suggestions for an older head.\n`,
        );
        return { reviewUrl: null, standing: 0, notSuggested: [], failure: null };
      }
    }
    const outcome = await syncSuggestionReview(
      client,
      {
        ...target,
        pullNumber,
        botLogin: env.botLogin,
        reviewMarker: REVIEW_MARKER,
        commentMarker: SUGGESTION_MARKER,
        commitId: report.headSha,
      },
      plan.suggestions,
      {
        review: (count) => reviewBody(report.headSha, count),
        superseded: supersededReviewBody(),
        outdated: outdatedSuggestionBody(),
      },
    );
    const refused = plan.suggestions.filter((s) => outcome.refused.includes(s));
    if (refused.length > 0)
      io.stderr(
        `persona comment: GitHub refused ${refused.length} suggestion(s) (${refused.map((s) => `${s.path}:${s.line}`).join(', ')}); they are listed in the comment instead.\n`,
      );
    const standing = outcome.posted.length + outcome.kept.length;
    return {
      reviewUrl: standing > 0 ? `${env.serverUrl}/${env.owner}/${env.repo}/pull/${pullNumber}/files` : null,
      standing,
      notSuggested: [
        ...refused.map((s) => ({ diagnostic: s.diagnostic, reason: 'refused' as const })),
        ...plan.notSuggested,
      ],
      failure: null,
    };
  } catch (error) {
    const line = explainGitHubError(error);
    io.stderr(`persona comment: suggestions not updated: ${line}\n`);
    return {
      reviewUrl: null,
      standing: 0,
      notSuggested: [
        ...plan.suggestions.map((s) => ({ diagnostic: s.diagnostic, reason: 'failed' as const })),
        ...plan.notSuggested,
      ],
      failure: line,
    };
  }
}
