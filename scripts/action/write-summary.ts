import * as core from '@actions/core';

/**
 * Appends Markdown to the job summary. Outside Actions (no GITHUB_STEP_SUMMARY, as when a maintainer runs
 * the bundle by hand) the summary goes to the log instead of failing the step.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(markdown).write();
  } else {
    core.info(markdown);
  }
}
