// Looks at the catalogue as a reader would: renders generated Markdown pages with cmark-gfm (GitHub's GFM
// implementation), styles them with github-markdown-css, and screenshots them in headless Chromium.
//
//   node scripts/dev/screenshot-catalogue.mjs <catalogue-dir> <out-dir> [page.md …]
//
// Defaults to README.md plus the first persona page; SCREENSHOT_HEIGHT=<px> takes a taller shot (default 2000). Needs `cmark-gfm` and `chromium` on PATH (Debian packages
// of the same names). Writes <out-dir>/<page>.html and <out-dir>/<page>.png; the PNGs are not committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [catalogueDir, outDir, ...requested] = process.argv.slice(2);
if (!catalogueDir || !outDir) {
  console.error('usage: node scripts/dev/screenshot-catalogue.mjs <catalogue-dir> <out-dir> [page.md …]');
  process.exit(2);
}

const css = readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/github-markdown-css/github-markdown-light.css'),
  'utf8',
);

function firstPersonaPage() {
  for (const product of readdirSync(catalogueDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    if (product.startsWith('_')) continue;
    const page = readdirSync(path.join(catalogueDir, product))
      .filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'graph.md')
      .sort()[0];
    if (page) return `${product}/${page}`;
  }
  throw new Error('no persona page found');
}

function renderHtml(markdown) {
  return execFileSync(
    'cmark-gfm',
    [
      '--unsafe',
      '--extension',
      'table',
      '--extension',
      'autolink',
      '--extension',
      'strikethrough',
      '--extension',
      'tagfilter',
    ],
    { input: markdown, encoding: 'utf8' },
  );
}

const pages = requested.length > 0 ? requested : ['README.md', firstPersonaPage()];
mkdirSync(outDir, { recursive: true });
for (const page of pages) {
  const body = renderHtml(readFileSync(path.join(catalogueDir, page), 'utf8'));
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 32px; }
</style></head><body><article class="markdown-body">${body}</article></body></html>`;
  const name = page.replace(/[/\\]/g, '__').replace(/\.md$/, '');
  const htmlFile = path.resolve(outDir, `${name}.html`);
  const pngFile = path.resolve(outDir, `${name}.png`);
  writeFileSync(htmlFile, html);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'catalogue-chromium-'));
  try {
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        `--screenshot=${pngFile}`,
        `--window-size=1280,${process.env.SCREENSHOT_HEIGHT ?? 2000}`,
        '--hide-scrollbars',
        `file://${htmlFile}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(pngFile);
}
