/**
 * What a file name may look like wherever the tools report it: in diagnostics, the text and JSON reports,
 * annotations, the bot's report artifact and comment. The report schema's `path` pattern is this pattern
 * (a test keeps the two equal), so the validate step's report always passes the comment step's check,
 * whatever names a pull request commits.
 */
export const MAX_REPORTED_PATH = 512;

/** No leading slash, no `..` segment, no control characters or backslashes. */
export const REPORTED_PATH_PATTERN = '^(?!/)(?!(?:.*/)?\\.\\.(?:/|$))[^\\u0000-\\u001f\\u007f\\\\]+$';

/**
 * Characters a name may hold on disk but not in a report: C0 and C1 controls, DEL and the backslash (which
 * terminals and Markdown would act on), and the bidirectional overrides that make text read other than it is.
 * Each is shown as `%XX` (or `%uXXXX`), so the name stays recognisable and cannot act.
 */
const UNREPORTABLE = /[\u0000-\u001f\u007f-\u009f\\\u202a-\u202e\u2066-\u2069]/g;

export function reportedPath(file: string): string {
  let shown = file.replace(UNREPORTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `%u${code.toString(16).toUpperCase()}`;
  });
  // A `..` segment never comes from listing a folder, but a name handed in from elsewhere could hold one.
  shown = shown
    .split('/')
    .map((part) => (part === '..' ? '%2E%2E' : part))
    .join('/')
    .replace(/^\/+/, '');
  if (shown === '') return '(no name)';
  if (shown.length > MAX_REPORTED_PATH) {
    let cut = MAX_REPORTED_PATH - 1;
    // Never half of a surrogate pair.
    if (/[\ud800-\udbff]/.test(shown[cut - 1] ?? '')) cut--;
    shown = `${shown.slice(0, cut)}…`;
  }
  return shown;
}

/** Whether `file` is shown as it is: a reported path that needed no escaping. */
export function isReportable(file: string): boolean {
  return reportedPath(file) === file;
}

/** Characters that a file or folder name of the library may not hold: the ones a report would have to escape. */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\\\u202a-\u202e\u2066-\u2069\ufffd]/;

/**
 * Whether a name (one path segment) can be read and reported as it is: the one definition the listing, the
 * merge journal and the reports share. U+FFFD stands for bytes that were not UTF-8.
 */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !NOT_PLAIN.test(name);
}

/** The longest path (from the filesystem root) the tools read or write; past it, systems refuse the name. */
export const MAX_PATH_BYTES = 4000;
