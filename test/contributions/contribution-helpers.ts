import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { validateFiles } from '../../scripts/check/validate-files.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import { CONTRIBUTION_MODELINE } from '../../scripts/core/persona-fields.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/** Three personas copied from the shipped library, with links trimmed to each other. */
export const FIXTURE_LIBRARY = path.join(REPO_ROOT, 'test/fixtures/contributions/library');
export const MONITOR = 'personas/sentry/sentry-error-monitor.yaml';
export const GUARDIAN = 'personas/sentry/sentry-release-guardian.yaml';
export const ON_CALL = 'personas/pagerduty/pagerduty-on-call-engineer.yaml';

const schema = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', name), 'utf8'));
export const validatePersona = compileSchema(schema('persona.schema.json'));
export const validateContribution = compileSchema(schema('contribution.schema.json'));

/** A contribution file: the modeline, then the given YAML lines. */
export function contribution(...lines: string[]): string {
  return `${CONTRIBUTION_MODELINE}\n${lines.join('\n')}\n`;
}

/** The text of every file under a folder (dotfiles included), by relative path with `/`. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (relative: string) => {
    const dir = path.join(root, relative);
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${child}/`] = '';
        walk(child);
      } else out[child] = readFileSync(path.join(root, child), 'utf8');
    }
  };
  walk('');
  return out;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

/** The personas of the fixture library, in memory. */
export function fixturePersonas(): Record<string, string> {
  const files = snapshot(FIXTURE_LIBRARY);
  return Object.fromEntries(
    Object.entries(files).filter(([file]) => file.startsWith('personas/') && file.endsWith('.yaml')),
  );
}

/** `persona validate` on in-memory files: personas and contributions, per-file and cross-file. */
export function checkInMemory(files: Record<string, string | Uint8Array>): Diagnostic[] {
  const bytes = (content: string | Uint8Array) =>
    typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const read = (prefix: string) =>
    entries
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, content]) => ({ file, bytes: bytes(content) }));
  return validateFiles({
    personas: read('personas/'),
    contributions: read('contributions/'),
    validatePersona,
    validateContribution,
  }).diagnostics;
}

/** The persona text with a `community` block appended (as `persona merge` would have left it). */
export function withCommunity(personaText: string, community: string): string {
  return `${personaText.replace(/\n+$/, '')}\n${community.replace(/\n+$/, '')}\n`;
}

/** Replaces one line of a persona by its key, for limit cases (e.g. a list already at its maximum). */
export function replaceField(personaText: string, key: string, replacement: string): string {
  const lines = personaText.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && /^\s/.test(lines[end] ?? '')) end++;
  lines.splice(start, end - start, replacement);
  return lines.join('\n');
}
