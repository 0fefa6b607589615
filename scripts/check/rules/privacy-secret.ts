import type { Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import {
  matchesOf,
  type PrivacyDetector,
  type PrivateMatch,
  personaPrivacyWarnings,
} from '../privacy/privacy-detector.ts';

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
 * Whether a known token may be in a text: `KNOWN_PREFIX.test(text)`, run only where it can pass, since alone it
 * takes a regex step at every character of every persona. Every token holds `_`, `-`, `A`, `J` or `/` at a
 * known place (the Slack webhook URL: the `/` after `hooks.slack.com`); all but `-` are rare in prose, and a
 * native search finds a character fast, so the regex runs only on the few texts where one of them sits where
 * a token would put it.
 */
function mayHoldKnownToken(text: string): boolean {
  const mayHoldOne =
    // gh?_, github_pat_, sk_live_ and the like, npm_.
    text.includes('_') ||
    // glpat-, xox?-, sk-, -----BEGIN.
    someIndexOf(
      text,
      '-',
      (i) =>
        text.startsWith('glpat', i - 5) ||
        text.startsWith('xox', i - 4) ||
        (text.startsWith('sk', i - 2) && !WORD_CHAR.test(text.charAt(i - 3))) ||
        text.startsWith('----BEGIN', i + 1),
    ) ||
    // AKIA, ASIA, ABIA, ACCA, AIza.
    someIndexOf(text, 'A', (i) => AFTER_AWS_OR_GOOGLE_A.has(text.charAt(i + 1))) ||
    someIndexOf(text, 'J', (i) => text.startsWith('ey', i - 2)) ||
    someIndexOf(text, '/', (i) => text.startsWith('hooks.slack.com', i - 15));
  return mayHoldOne && KNOWN_PREFIX.test(text);
}

const AFTER_AWS_OR_GOOGLE_A = new Set(['K', 'S', 'B', 'C', 'I']);
/** What `\b` takes for a word character: "task-based" holds `sk-`, but not `\bsk-`. */
const WORD_CHAR = /\w/;

/** Whether `test` holds at some occurrence of `char` in `text`. */
function someIndexOf(text: string, char: string, test: (index: number) => boolean): boolean {
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) if (test(i)) return true;
  return false;
}

/**
 * Long runs of the characters keys are written in (base 64, base 62, hex). A run is taken for a key when it
 * is at least MIN_LENGTH characters, holds a letter and a digit, its Shannon entropy is at least
 * MIN_ENTROPY bits per character, and less than MAX_WORDLIKE of it reads as words. The numbers come from
 * measuring (docs/rules.md#privacysecret): random base-62 keys of 24, 32 and 40 characters pass 87%, 92% and
 * 94% of the time; every long identifier, path and kebab-case run in the shipped and the generated personas
 * fails.
 */
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

/** The characters keys are written in (A-Z, a-z, 0-9, `+/=_-`), by char code; no other code unit is one. */
const KEY_CHARS = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-')
  KEY_CHARS[char.charCodeAt(0)] = 1;

function isKeyChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 && KEY_CHARS[code] === 1;
}

/**
 * Every maximal run of key characters at least MIN_LENGTH long, in order: the matches of
 * `/(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{MIN_LENGTH,}/g`, which takes a step at every character of a
 * persona. A long run holds one of any MIN_LENGTH characters in a row, so this looks at every MIN_LENGTH-th
 * character only (a "probe"), counted from the last character known to be outside a run. A probe in a run
 * finds the run's start; the run is long only if every character from there to MIN_LENGTH - 1 further on is
 * a key character, checked from the far end back, so that in prose the first space found lets the next probe
 * skip past it.
 */
function longKeyRuns(text: string): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  const length = text.length;
  // Invariant: every long run that starts before `probe - MIN_LENGTH` has been found, and the character there
  // is not a key character (or the text starts after it).
  let probe = MIN_LENGTH - 1;
  while (probe < length) {
    if (!isKeyChar(text, probe)) {
      probe += MIN_LENGTH;
      continue;
    }
    let start = probe;
    while (start > 0 && isKeyChar(text, start - 1)) start--;
    const last = start + MIN_LENGTH - 1;
    // This run, and any later one, would end past the text.
    if (last >= length) break;
    let outside = last;
    while (outside > probe && isKeyChar(text, outside)) outside--;
    if (outside > probe) {
      // The run ends before `outside`, and a run starting between the probe and it would hold it.
      probe = outside + MIN_LENGTH;
      continue;
    }
    let end = last + 1;
    while (end < length && isKeyChar(text, end)) end++;
    runs.push({ start, end });
    probe = end + MIN_LENGTH;
  }
  return runs;
}

const DIGIT = /\d/;

function randomRuns(text: string): PrivateMatch[] {
  const found: PrivateMatch[] = [];
  for (const { start, end } of longKeyRuns(text)) {
    const run = text.slice(start, end);
    // Neither the run nor a part of it looks random without a digit; most long runs (slugs, paths) have none.
    if (!DIGIT.test(run)) continue;
    const parts = run.split(SEPARATORS);
    if (parts.length < 4 || (run.length - parts.length + 1) / parts.length >= 6) {
      if (looksRandom(run)) found.push({ start, end, what: 'a string that looks like a key or token' });
      continue;
    }
    // kebab-case or a path: a part may still be a key (`/download/<key>`).
    let offset = 0;
    for (const part of parts) {
      if (looksRandom(part)) {
        const partStart = start + offset;
        found.push({
          start: partStart,
          end: partStart + part.length,
          what: 'a string that looks like a key or token',
        });
        break;
      }
      offset += part.length + 1;
    }
  }
  return found;
}

export const SECRETS: PrivacyDetector = {
  rule: 'privacy/secret',
  hint: 'Never put a credential in a persona: remove it, and revoke it, since it is now in the Git history. Describe it instead ("an API key in the CI settings").',
  mayContain: (source) => /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{20,}|-----BEGIN/.test(source),
  find: (text) => {
    const found: PrivateMatch[] = [];
    if (mayHoldKnownToken(text))
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

export function privacySecret(ctx: PersonaContext): Diagnostic[] {
  return personaPrivacyWarnings(ctx, SECRETS);
}
