// End-to-end test of the gateway's page in a real browser: Debian's chromium driven by playwright-core.
// run.sh starts the gateway and passes GATEWAY_URL and API_KEY; SCREENSHOT_PATH is optional.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const GATEWAY_URL = requiredEnv('GATEWAY_URL');
const API_KEY = requiredEnv('API_KEY');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_PATH = process.env.SCREENSHOT_PATH ?? join(tmpdir(), 'browser-test-page.png');
const STEP_TIMEOUT_MS = 30_000;

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through run.sh`);
  return value;
}

// A tiny PNG encoder (8-bit RGB, filter 0) so the test needs no fixture file.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A gradient with deterministic noise: PNG compresses it badly, so the JPEG must come out smaller. */
function gradientPng(width, height) {
  let seed = 0x2545f491;
  const noise = () => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return ((seed >>> 0) % 33) - 16;
  };
  const clamp = (v) => Math.max(0, Math.min(255, v));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0;
    for (let x = 0; x < width; x++) {
      raw[i++] = clamp(Math.round((255 * x) / (width - 1)) + noise());
      raw[i++] = clamp(Math.round((255 * y) / (height - 1)) + noise());
      raw[i++] = clamp(128 + noise());
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The page's own formatting of byte counts (app.js), to compare the shown text with the JSON answer.
const bytes = (n) => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KiB' : (n / 1048576).toFixed(2) + ' MiB';

const PNG = gradientPng(256, 192);
const IMAGE = { name: 'gradient.png', mimeType: 'image/png', buffer: PNG };

let browser;

before(async () => {
  // launch() gives chromium a fresh temporary --user-data-dir of its own and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: STEP_TIMEOUT_MS,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1100 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(GATEWAY_URL + '/');
  return { context, page, pageErrors };
}

/** Fills the form as a person would and submits it; returns the /compress response. */
async function submit(page, { key, mode, value }) {
  await page.locator('#api-key').fill(key);
  await page.locator('#image').setInputFiles(IMAGE);
  await page.locator(`input[name="mode"][value="${mode}"]`).check();
  await page.locator(mode === 'target' ? '#target' : '#quality').fill(value);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/compress') && r.request().method() === 'POST'),
    page.locator('#submit').click(),
  ]);
  return response;
}

async function waitForResultImage(page) {
  await page.locator('#result').waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const img = document.getElementById('after');
    return img.complete && img.naturalWidth > 0;
  });
}

describe('compression page', { timeout: 120_000 }, () => {
  test('quality mode shows the compressed result, its sizes, saving, a fetchable JPEG url and a working slider', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      // given the page as served, which carries no key
      const source = await (await fetch(GATEWAY_URL + '/')).text();
      const script = await (await fetch(GATEWAY_URL + '/app.js')).text();
      assert.ok(!source.includes(API_KEY) && !script.includes(API_KEY), 'the served page must not contain the API key');
      assert.ok(!(await page.content()).includes(API_KEY), 'the rendered page must not contain the API key');
      assert.equal(await page.locator('#result').isVisible(), false);

      // when a person picks the image, types the key, sets quality 60 and submits
      const response = await submit(page, { key: API_KEY, mode: 'quality', value: '60' });
      assert.equal(response.status(), 200);
      const answer = await response.json();
      await waitForResultImage(page);

      // then the page shows what the gateway answered
      assert.equal(await page.locator('#status').textContent(), 'Done.');
      assert.match(await page.locator('#drop-text').textContent(), /^gradient\.png \(.+\)$/);
      const afterWidth = await page.locator('#after').evaluate((img) => img.naturalWidth);
      const beforeWidth = await page.locator('#before').evaluate((img) => img.naturalWidth);
      assert.equal(afterWidth, 256);
      assert.equal(beforeWidth, 256, 'the original must be shown beside the result');

      assert.equal(answer.originalSize, PNG.length);
      assert.equal(answer.quality, 60);
      assert.equal(answer.score, undefined, 'quality mode measures no score');
      assert.ok(answer.size > 0 && answer.size < answer.originalSize, `result ${answer.size} B must be smaller than ${answer.originalSize} B`);
      assert.equal(await page.locator('#original-size').textContent(), bytes(PNG.length));
      assert.equal(await page.locator('#compressed-size').textContent(), `${bytes(answer.size)} (256 × 192)`);
      const saving = Number.parseFloat((await page.locator('#saving').textContent()).replace(' %', ''));
      assert.ok(saving > 0 && saving < 100, `saving ${saving} % must be between 0 and 100`);
      assert.ok(Math.abs(saving - 100 * (1 - answer.size / PNG.length)) <= 0.05, 'saving must agree with the two sizes');
      assert.equal(await page.locator('#chosen-quality').textContent(), '60');

      // and the url shown is the stored JPEG, fetchable as is
      const link = page.locator('#url');
      const shownUrl = await link.textContent();
      assert.equal(shownUrl, answer.url);
      assert.equal(await link.getAttribute('href'), answer.url);
      assert.match(shownUrl, /\.jpg$/);
      const stored = await fetch(shownUrl);
      assert.equal(stored.status, 200);
      const jpeg = Buffer.from(await stored.arrayBuffer());
      assert.equal(jpeg.length, answer.size);
      assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8], 'the stored object must start with the JPEG SOI marker');

      // and the key was not kept anywhere by the page
      assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
      assert.ok(!(await page.content()).includes(API_KEY), 'the key must not be written into the document');

      await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });

      // when the slider moves, the original's clip follows it
      const clip = page.locator('#before-clip');
      const clipAtHalf = (await clip.boundingBox()).width;
      await page.locator('#slider').fill('20');
      assert.equal(await clip.evaluate((el) => el.style.width), '20%');
      const clipAtFifth = (await clip.boundingBox()).width;
      assert.ok(clipAtFifth < clipAtHalf * 0.6, `clip must narrow: ${clipAtHalf} px -> ${clipAtFifth} px`);
      await page.locator('#slider').fill('90');
      assert.ok((await clip.boundingBox()).width > clipAtHalf, 'clip must widen again');

      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test('a wrong key shows the UNAUTHORIZED error and no result', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      const response = await submit(page, { key: 'not-the-key', mode: 'quality', value: '80' });
      assert.equal(response.status(), 401);
      const error = await response.json();
      assert.equal(error.code, 'UNAUTHORIZED');

      const status = page.locator('#status');
      await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('UNAUTHORIZED'));
      assert.equal(await status.textContent(), `UNAUTHORIZED: ${error.message}`);
      assert.equal(await status.getAttribute('class'), 'error');
      assert.equal(await page.locator('#result').isVisible(), false);
      assert.equal(await page.locator('#url').textContent(), '');
      assert.equal(await page.locator('#url').getAttribute('href'), null);
      assert.equal(await page.locator('#submit').isEnabled(), true, 'the form must be usable again');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test('target mode shows the chosen quality and the measured SSIM', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      const response = await submit(page, { key: API_KEY, mode: 'target', value: '0.95' });
      assert.equal(response.status(), 200);
      const answer = await response.json();
      await waitForResultImage(page);

      assert.ok(Number.isInteger(answer.quality) && answer.quality >= 1 && answer.quality <= 100);
      assert.equal(typeof answer.score, 'number');
      assert.equal(await page.locator('#chosen-quality').textContent(), `${answer.quality} (SSIM ${answer.score.toFixed(4)})`);
      assert.match(await page.locator('#chosen-quality').textContent(), /^\d{1,3} \(SSIM [01]\.\d{4}\)$/);
      assert.equal(await page.locator('#url').textContent(), answer.url);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
