// Looks at the catalogue as a reader would: renders generated Markdown pages with cmark-gfm (GitHub's GFM
// implementation), styles them with github-markdown-css, and screenshots them in headless Chromium.
//
//   node scripts/dev/screenshot-catalogue.mjs <catalogue-dir> <out-dir> [page.md …]
//
// Defaults to README.md plus the first persona page; SCREENSHOT_HEIGHT=<px> takes a taller shot (default 2000). Needs `cmark-gfm` and `chromium` on PATH (Debian packages
// of the same names). Writes <out-dir>/<page>.html and <out-dir>/<page>.png; the PNGs are not committed.
//
// MERMAID_JS=<path to mermaid.min.js> (from the `mermaid` npm package, e.g. `npm pack mermaid` in a scratch folder)
// draws the ```mermaid blocks as GitHub does, in the same column, and prints the smallest label size on the page
// once each chart is shrunk to fit: the relationship graph must keep every label at 10 px or more.
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
  let body = renderHtml(readFileSync(path.join(catalogueDir, page), 'utf8'));
  const mermaid = process.env.MERMAID_JS;
  if (mermaid)
    body = body.replace(
      /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
      '<pre class="mermaid">$1</pre>',
    );
  const script = mermaid
    ? `<script src="file://${path.resolve(mermaid)}"></script><script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
mermaid.run().then(() => {
  let smallest = Infinity;
  for (const svg of document.querySelectorAll('pre.mermaid svg')) {
    const natural = svg.viewBox.baseVal.width;
    const scale = natural > 0 ? svg.getBoundingClientRect().width / natural : 1;
    for (const label of svg.querySelectorAll('.nodeLabel, .edgeLabel'))
      smallest = Math.min(smallest, parseFloat(getComputedStyle(label).fontSize) * scale);
  }
  document.body.dataset.smallestLabelPx = String(smallest);
});
</script>`
    : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 32px; }
</style></head><body><article class="markdown-body">${body}</article>${script}</body></html>`;
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
        '--allow-file-access-from-files',
        '--virtual-time-budget=15000',
        `file://${htmlFile}`,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    if (mermaid) {
      const dom = execFileSync(
        'chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          `--user-data-dir=${profile}`,
          '--window-size=1280,2000',
          '--allow-file-access-from-files',
          '--virtual-time-budget=15000',
          '--dump-dom',
          `file://${htmlFile}`,
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 120_000,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const smallest = /data-smallest-label-px="([^"]*)"/.exec(dom)?.[1];
      if (smallest === 'Infinity') console.log(`${page}: no Mermaid chart`);
      else
        console.log(
          `${page}: smallest Mermaid label at this width: ${smallest === undefined ? 'not measured' : `${Number(smallest).toFixed(1)} px`}`,
        );
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(pngFile);
}
