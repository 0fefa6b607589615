// Writes .github/ISSUE_TEMPLATE/contribute.yml from the personas, until `persona catalogue` generates it (with
// the catalogue's staleness check). Usage: node scripts/build/run-ts.mjs scripts/dev/write-contribute-form.ts [root]
import path from 'node:path';
import { writeFileAtomically } from '../apply/write-file.ts';
import { FORM_PATH } from '../intake/contribute-form-fields.ts';
import { validateLibrary } from '../pipeline/validate-library.ts';
import { formPersonas, renderContributeForm } from '../render/issue-form/render-contribute-form.ts';

const root = path.resolve(process.argv[2] ?? '.');
const library = await validateLibrary(root);
await writeFileAtomically(path.join(root, FORM_PATH), renderContributeForm(formPersonas(library.personas)));
process.stdout.write(`${FORM_PATH}\n`);
