// Real Chromium for page tests (Debian's `chromium`, driven by playwright-core). Without it the browser
// tests are skipped with a reason, unless REALID_TEST_BROWSER=required (CI), which makes that a failure.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.REALID_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM_PATH);

if (!browserAvailable && process.env.REALID_TEST_BROWSER === 'required') {
  throw new Error(`REALID_TEST_BROWSER=required but no Chromium at ${CHROMIUM_PATH} (install Debian's chromium package).`);
}

export const skipReason = browserAvailable ? '' : ` (skipped: no Chromium at ${CHROMIUM_PATH}; install it or set REALID_CHROMIUM_PATH)`;
if (!browserAvailable) console.warn(`Browser tests${skipReason}.`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export const SCREENSHOTS_DIR = path.resolve(import.meta.dirname, '../../../../docs/screenshots');

/** Saves the page as docs/screenshots/<name>.png for the README. */
/** Renders the page either way (a broken page fails here); writes docs/screenshots only with REALID_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const image = await page.screenshot({ fullPage: options.fullPage ?? true, animations: 'disabled' });
  if (process.env.REALID_SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await writeFile(path.join(SCREENSHOTS_DIR, `${name}.png`), image);
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;
