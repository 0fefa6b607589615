// The detector as it was before it was made faster, copied verbatim from
// scripts/check/rules/privacy-secret.ts (only the imports differ, and the rule wrapper is left out):
// the reference the differential tests hold the fast one to.
import { matchesOf, type PrivacyDetector, type PrivateMatch } from './matches-of.ts';

/** Credentials with a published shape: the prefix says what they are. */
const KNOWN_TOKENS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g },
  { what: 'a GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { what: 'an AWS access key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { what: 'a Google API key', pattern: /\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { what: 'a Slack webhook URL', pattern: /hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g },
  { what: 'a Stripe secret key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  // OpenAI and others: `sk-` and a long run of letters and digits (with at least one digit, so `sk-learn`
  // and words after it are not taken for one).
  {
    what: 'a secret key',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g,
  },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { what: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
];

/** What any known token starts with: texts without one are not searched for each. */
const KNOWN_PREFIX =
  /gh[pousr]_|github_pat_|glpat-|A(?:KIA|SIA|BIA|CCA|Iza)|xox[abposr]-|hooks\.slack\.com|[sr]k_(?:live|test)_|\bsk-|npm_|eyJ|-----BEGIN/;

/**
 * Long runs of the characters keys are written in (base 64, base 62, hex). A run is taken for a key when it
 * is at least MIN_LENGTH characters, holds a letter and a digit, its Shannon entropy is at least
 * MIN_ENTROPY bits per character, and less than MAX_WORDLIKE of it reads as words. The numbers come from
 * measuring (docs/rules.md#privacysecret): random base-62 keys of 24, 32 and 40 characters pass 87%, 92% and
 * 94% of the time; every long identifier, path and kebab-case run in the shipped and the generated personas
 * fails.
 */
// Anchored at the start of a run: without the lookbehind every position of a shorter run would be tried again.
const CANDIDATE = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{24,}/g;
export const MIN_LENGTH = 24;
export const MIN_ENTROPY = 3.5;
export const MAX_WORDLIKE = 0.5;
/** Runs of letters that read as a word or a word of an identifier (`Token`, `error`, `HTTP`). */
const WORDLIKE = /[A-Z]?[a-z]{3,}|[A-Z]{3,}(?![a-z])/g;
/**
 * Separators of kebab-case, snake_case and paths. A run of four or more short parts (under six characters on
 * average) is text such as `B2B-SaaS-with-3000-customers`, each part judged alone; a key has few and far apart.
 */
const SEPARATORS = /[-_/]/;

export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function looksRandom(run: string): boolean {
  if (run.length < MIN_LENGTH || !/\d/.test(run) || !/[A-Za-z]/.test(run)) return false;
  let wordlike = 0;
  for (const word of run.matchAll(WORDLIKE)) wordlike += word[0].length;
  return wordlike / run.length < MAX_WORDLIKE && shannonEntropy(run) >= MIN_ENTROPY;
}

function randomRuns(text: string): PrivateMatch[] {
  return matchesOf(text, CANDIDATE, (match) => {
    const run = match[0];
    const parts = run.split(SEPARATORS);
    if (parts.length < 4 || (run.length - parts.length + 1) / parts.length >= 6)
      return looksRandom(run)
        ? {
            start: match.index,
            end: match.index + run.length,
            what: 'a string that looks like a key or token',
          }
        : null;
    // kebab-case or a path: a part may still be a key (`/download/<key>`).
    let offset = 0;
    for (const part of parts) {
      if (looksRandom(part)) {
        const start = match.index + offset;
        return { start, end: start + part.length, what: 'a string that looks like a key or token' };
      }
      offset += part.length + 1;
    }
    return null;
  });
}

export const SECRETS: PrivacyDetector = {
  rule: 'privacy/secret',
  hint: 'Never put a credential in a persona: remove it, and revoke it, since it is now in the Git history. Describe it instead ("an API key in the CI settings").',
  mayContain: (source) => /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{20,}|-----BEGIN/.test(source),
  find: (text) => {
    const found: PrivateMatch[] = [];
    if (KNOWN_PREFIX.test(text))
      for (const { what, pattern } of KNOWN_TOKENS)
        found.push(
          ...matchesOf(text, pattern, (m) => ({ start: m.index, end: m.index + m[0].length, what })),
        );
    // A random run inside a known token is the same finding, reported once under its name.
    for (const run of randomRuns(text))
      if (!found.some((known) => run.start < known.end && known.start < run.end)) found.push(run);
    return found;
  },
};
