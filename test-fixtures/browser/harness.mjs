// Runs Label Studio's own annotation editor (the bundle prepare.sh pinned) in Debian's Chromium as the client of
// Flywheel's predictions. For each case of a job it loads the label config, the task and Flywheel's prediction into
// the editor, reports what the editor made of the prediction, then does what an annotator does: makes an annotation
// from the prediction, changes it with the mouse and keyboard, and submits. It prints one JSON document on stdout:
// {"cases": [{"rendered": ..., "submitted": ..., "screenshot": ...}]}.
//
// Usage: node harness.mjs job.json, where job.json is
//   {"config": "<View>…</View>", "screenshots": "/dir (optional)",
//    "cases": [{"name", "task": {"id", "data": {...}}, "images": {"<data key>": "/path/to/file.png"},
//               "prediction": {Flywheel's prediction}, "edit": {"kind": "choose"|"move"|"replace"|"keep", …}}]}
//
// Nothing leaves the machine: the page, the bundle and the images come from a loopback server on a free port, the
// browser runs with the network flags of the frontend build note, and every request not to 127.0.0.1 is aborted.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.FLYWHEEL_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 20000;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/editor/main.css">
<style>body{margin:0;background:#fff} #root{width:1000px}</style></head>
<body><div id="root"></div><script src="/editor/main.js"></script></body></html>`;

function serve(job) {
  const images = new Map();
  job.cases.forEach((c, i) => Object.entries(c.images || {}).forEach(([key, file]) => images.set(`/image/${i}/${key}`, file)));
  const files = { '/': ['text/html', () => PAGE],
    '/editor/main.js': ['application/javascript', () => readFileSync(join(here, 'editor/main.js'))],
    '/editor/main.css': ['text/css', () => readFileSync(join(here, 'editor/main.css'))] };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    try {
      if (files[path]) {
        res.writeHead(200, { 'Content-Type': files[path][0] }).end(files[path][1]());
      } else if (images.has(path)) {
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(readFileSync(images.get(path)));
      } else {
        res.writeHead(404).end();
      }
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// What the editor holds for a prediction or annotation: every region with its control, labels and geometry.
function readEntity(which) {
  const store = window.Htx.annotationStore;
  const entity = which === 'prediction' ? store.predictions[0] : store.selected;
  return { serialized: entity.serializeAnnotation(), regions: entity.regionStore.regions.map(r => r.serialize()) };
}

async function runCase(page, base, job, c, index) {
  const data = { ...c.task.data };
  Object.keys(c.images || {}).forEach(key => { data[key] = `${base}/image/${index}/${key}`; });
  await page.goto(base + '/');
  await page.evaluate(({ config, task, prediction }) => {
    window.submitted = null;
    window.lsf = new window.LabelStudio('root', {
      config,
      interfaces: ['panel', 'update', 'submit', 'controls', 'side-column', 'annotations:menu', 'annotations:add-new',
        'annotations:delete', 'predictions:menu', 'topbar'],
      user: { pk: 1, firstName: 'Ann', lastName: 'Otator' },
      task: { id: task.id, data: task.data, annotations: [], predictions: [{ id: 9001, ...prediction }] },
      onSubmitAnnotation: (store, annotation) => {
        window.submitted = { result: annotation.serializeAnnotation(), parent_prediction: annotation.parent_prediction ?? null };
      },
    });
  }, { config: job.config, task: { id: c.task.id, data }, prediction: c.prediction });
  await page.waitForFunction(() => window.Htx && window.Htx.annotationStore.predictions.length > 0
      && window.Htx.annotationStore.selected && [...document.images].every(i => i.complete && i.naturalWidth > 0),
  null, { timeout: TIMEOUT_MS });
  const rendered = await page.evaluate(readEntity, 'prediction');
  let screenshot = null;
  if (job.screenshots) {
    screenshot = join(job.screenshots, `${c.name}.png`);
    await page.waitForTimeout(300);
    await page.locator('#root').screenshot({ path: screenshot });
  }
  // The annotator's "Copy Annotation" (an editable copy of the prediction), as Label Studio 1.4's top bar offers it.
  await page.evaluate(() => {
    const store = window.Htx.annotationStore;
    const copy = store.addAnnotationFromPrediction(store.predictions[0]);
    store.selectAnnotation(copy.id);
  });
  await page.waitForFunction(() => window.Htx.annotationStore.selected.type === 'annotation', null, { timeout: TIMEOUT_MS });
  await edit(page, c.edit || { kind: 'keep' });
  const afterEdit = await page.evaluate(readEntity, 'annotation');
  await page.evaluate(() => window.Htx.submitAnnotation());
  await page.waitForFunction(() => window.submitted !== null, null, { timeout: TIMEOUT_MS });
  const submitted = await page.evaluate(() => window.submitted);
  return { name: c.name, rendered, edited: afterEdit, submitted, screenshot };
}

// Pixel point on the page of a percent position on the image.
async function pointOnImage(page, xPercent, yPercent) {
  const box = await page.locator('img[src*="/image/"]').first().boundingBox();
  return { x: box.x + box.width * xPercent / 100, y: box.y + box.height * yPercent / 100 };
}

async function edit(page, e) {
  switch (e.kind) {
    case 'keep':
      return;
    case 'choose': {
      // A person clicks the other choice (its check box); a single-choice control drops the old one itself.
      for (const name of [e.choice, e.unchoose].filter(Boolean)) {
        await page.locator('label.ant-checkbox-wrapper:visible, label.ant-radio-wrapper:visible')
          .filter({ has: page.locator(`input[name="${name}"]`) }).last().click();
      }
      return;
    }
    case 'move': {
      // Drag the box by its middle, as a person moves it.
      const r = e.region;
      const from = await pointOnImage(page, r.x + r.width / 2, r.y + r.height / 2);
      const to = await pointOnImage(page, r.x + r.width / 2 + e.dx, r.y + r.height / 2 + e.dy);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
      return;
    }
    case 'replace': {
      // Select the wrong box by clicking it, delete it with the keyboard, pick a label and draw a new box.
      const r = e.region;
      const inside = await pointOnImage(page, r.x + r.width / 2, r.y + r.height / 2);
      await page.mouse.click(inside.x, inside.y);
      await page.waitForFunction(() => window.Htx.annotationStore.selected.highlightedNode, null, { timeout: TIMEOUT_MS });
      await page.keyboard.press('Backspace');
      await page.waitForFunction(n => window.Htx.annotationStore.selected.regionStore.regions.length === n, e.remaining,
        { timeout: TIMEOUT_MS });
      await page.locator('.ant-tag, [class*="label"]').filter({ hasText: new RegExp(`^\\s*${e.label}\\s*\\d*\\s*$`) }).first().click();
      const a = await pointOnImage(page, e.draw.x, e.draw.y);
      const b = await pointOnImage(page, e.draw.x + e.draw.width, e.draw.y + e.draw.height);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
      await page.mouse.move(b.x, b.y, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(n => window.Htx.annotationStore.selected.regionStore.regions.length === n + 1, e.remaining,
        { timeout: TIMEOUT_MS });
      return;
    }
    default:
      throw new Error(`unknown edit ${e.kind}`);
  }
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const server = await serve(job);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  const aborted = [];
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.route('**/*', route => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
        return route.continue();
      }
      aborted.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', e => errors.push(String(e)));
    const cases = [];
    for (let i = 0; i < job.cases.length; i++) {
      cases.push(await runCase(page, base, job, job.cases[i], i));
    }
    process.stdout.write(JSON.stringify({ cases, aborted, pageErrors: errors }) + '\n');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch(e => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
