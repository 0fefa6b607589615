import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import { reportedPath } from '../../core/reported-path.ts';
import { checkYamlExtension } from '../file-extension.ts';

export interface ContributionLocation {
  folder: string | null;
  /** The `YYYY-MM-DD` prefix of the file name when it is a real date. */
  fileDate: string | null;
  diagnostics: Diagnostic[];
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?=$|[^0-9])/;

/** What the path `contributions/<slug>/<name>.yaml` says about a contribution, or why the path is wrong. */
export function contributionLocation(file: string): ContributionLocation {
  const parts = file.split('/');
  const name = parts.at(-1) ?? '';
  const { stem, diagnostic: wrongExtension } = checkYamlExtension(file, 'Contribution');
  const diagnostics: Diagnostic[] = wrongExtension ? [wrongExtension] : [];
  const date = fileNameDate(stem);
  if (date.kind === 'invalid') {
    diagnostics.push(
      diagnostic(
        file,
        START_OF_FILE,
        'contribution/invalid-date',
        `The file name starts with \`${date.text}\`, which is not a real date; the date of a contribution comes from its file name.`,
        'Rename the file to start with the date you wrote it, as YYYY-MM-DD (e.g. `2026-11-20-octocat-goals.yaml`).',
      ),
    );
  }
  const fileDate = date.kind === 'valid' ? date.text : null;
  if (isParked(file)) return { folder: parts[1] ?? null, fileDate, diagnostics };
  if (parts.length !== 3 || parts[0] !== 'contributions') {
    diagnostics.push(
      diagnostic(
        file,
        START_OF_FILE,
        'file/misplaced',
        `A contribution file must be at \`contributions/<persona-slug>/<name>.yaml\`; this one is at \`${reportedPath(file)}\`.`,
        parts.length === 2
          ? `Move it into the folder of its persona, e.g. \`contributions/<persona-slug>/${name}\`.`
          : 'Move it so that it sits directly inside the folder named after its persona.',
      ),
    );
    return { folder: null, fileDate, diagnostics };
  }
  return { folder: parts[1] ?? null, fileDate, diagnostics };
}

/** The folder, inside a persona's contributions folder, where the apply workflow parks stale corrections. */
export const PARKED_FOLDER = 'stale';

/**
 * Whether a contribution is parked: a correction that went stale after it was merged, moved by the apply
 * workflow to `contributions/<slug>/stale/`. It stays pending (applied if the text it replaces comes back)
 * without counting as an error.
 */
export function isParked(file: string): boolean {
  const parts = file.split('/');
  return parts.length === 4 && parts[0] === 'contributions' && parts[2] === PARKED_FOLDER;
}

/** Where the apply workflow parks a stale correction: `contributions/<slug>/stale/<name>`. */
export function parkedPath(file: string): string {
  const parts = file.split('/');
  return [...parts.slice(0, -1), PARKED_FOLDER, parts.at(-1) ?? ''].join('/');
}

export function fileNameDate(
  stem: string,
): { kind: 'none' } | { kind: 'valid'; text: string } | { kind: 'invalid'; text: string } {
  const match = DATE_PREFIX.exec(stem);
  if (!match) return { kind: 'none' };
  const text = match[0];
  return isRealDate(text) ? { kind: 'valid', text } : { kind: 'invalid', text };
}

/** `YYYY-MM-DD` that names a day of the proleptic Gregorian calendar (so no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}
