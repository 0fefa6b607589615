import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeLibraryFile } from '../../apply/write-file.ts';
import { didYouMeanSuffix } from '../../core/did-you-mean.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
import { nextFreeId, scaffoldPersona, slugFor } from '../../plan/scaffold-persona.ts';
import { readPersonaSchema } from '../../read/read-schemas.ts';
import { type Command, EXIT_OK, stringOption, UsageError } from '../command.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const newCommand: Command = {
  name: 'new',
  summary: 'Scaffold a valid persona with the next free id.',
  usage: 'persona new --product <product> --title "<title>" --category <category> [--root <dir>]',
  options: { product: { type: 'string' }, title: { type: 'string' }, category: { type: 'string' } },
  flags: {
    product: {
      value: '<product>',
      text: 'the product, in kebab-case: the folder under personas/ (required)',
    },
    title: {
      value: '"<title>"',
      text: 'the title, at most 100 characters; the slug is made from it (required)',
    },
    category: { value: '<category>', text: 'technical, business, creative, operations or data (required)' },
  },
  examples: [
    'persona new --product sentry --title "The Sentry Release Guardian" --category technical',
    'persona new --product stripe --title "The Stripe Revenue Operator" --category business',
  ],
  async run(args, ctx) {
    const product = stringOption(args, 'product');
    const title = stringOption(args, 'title')?.trim();
    if (!product) throw new UsageError('--product is required, e.g. --product sentry.');
    if (!title) throw new UsageError('--title is required, e.g. --title "The Sentry Error Monitor".');
    if (!KEBAB.test(product))
      throw new UsageError(`--product must be kebab-case (like "pager-duty"); got "${product}".`);
    if (title.length > 100) throw new UsageError('--title must be at most 100 characters.');
    const schema = (await readPersonaSchema(ctx.root)) as { properties: { category: { enum: string[] } } };
    const categories = schema.properties.category.enum;
    const category = stringOption(args, 'category');
    if (category === undefined)
      throw new UsageError(`--category is required: one of ${categories.join(', ')}.`);
    if (!categories.includes(category)) {
      throw new UsageError(
        `--category must be one of ${categories.join(', ')}; got "${category}".${didYouMeanSuffix(category, categories)}`,
      );
    }
    const library = await validateLibrary(ctx.root);
    const slug = slugFor(product, title);
    const clash = library.personas.find((p) => p.data?.slug === slug || p.data?.title === title);
    if (clash)
      throw new UsageError(
        `${clash.file} already has the slug "${slug}" or the title "${title}"; choose another title.`,
      );
    const file = `personas/${product}/${slug}.yaml`;
    // lstat, not access: a dangling link at that name is there too, and is never written through.
    if (
      await lstat(path.join(ctx.root, file)).then(
        () => true,
        () => false,
      )
    )
      throw new UsageError(`${file} already exists.`);
    const ids = library.personas.map((p) => p.data?.id).filter((id): id is string => typeof id === 'string');
    const id = nextFreeId(ids);
    await writeLibraryFile(ctx.root, file, scaffoldPersona({ id, slug, title, product, category }));
    ctx.stdout(`${file}\n`);
    ctx.stderr(`Created ${title} (${id}). Replace every TODO, then run \`npx persona validate\`.\n`);
    return EXIT_OK;
  },
};
