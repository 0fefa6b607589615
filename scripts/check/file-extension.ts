import { type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.ts';

/** The file's name without its extension, and a diagnostic when the extension is not `.yaml`. */
export function checkYamlExtension(
  file: string,
  kind: 'Persona' | 'Contribution',
): { stem: string; diagnostic?: Diagnostic } {
  const name = file.split('/').at(-1) ?? '';
  const extension = /\.[^.]*$/.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  if (extension === '.yaml') return { stem };
  return {
    stem,
    diagnostic: diagnostic(
      file,
      START_OF_FILE,
      'file/wrong-extension',
      `${kind} files end in \`.yaml\`; this one ends in \`${extension || '(nothing)'}\`.`,
      `Rename it to \`${stem}.yaml\`.`,
    ),
  };
}
