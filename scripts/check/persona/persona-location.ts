import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import { reportedPath } from '../../core/reported-path.ts';
import { checkYamlExtension } from '../file-extension.ts';

export interface PersonaLocation {
  product: string;
  slug: string;
}

/** What the path `personas/<product>/<slug>.yaml` says about a persona, or why the path is wrong. */
export function personaLocation(file: string): {
  location: PersonaLocation | null;
  diagnostics: Diagnostic[];
} {
  const parts = file.split('/');
  const { stem, diagnostic: wrongExtension } = checkYamlExtension(file, 'Persona');
  const diagnostics: Diagnostic[] = wrongExtension ? [wrongExtension] : [];
  if (parts.length !== 3 || parts[0] !== 'personas') {
    diagnostics.push(
      diagnostic(
        file,
        START_OF_FILE,
        'file/misplaced',
        `A persona file must be at \`personas/<product>/<slug>.yaml\`; this one is at \`${reportedPath(file)}\`.`,
        parts.length === 2
          ? `Move it into its product's folder, e.g. \`personas/<product>/${stem}.yaml\`.`
          : 'Move it so that it sits directly inside its product folder.',
      ),
    );
    return { location: null, diagnostics };
  }
  return { location: { product: parts[1] ?? '', slug: stem }, diagnostics };
}
