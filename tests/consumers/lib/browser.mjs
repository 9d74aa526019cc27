// Debian's Chromium through playwright-core (never a downloaded browser), one fresh profile.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
];

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "chartlint-consumer-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", headless: true, args: ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` and waits for the page's `#report[data-state]` (every consumer page renders
 * its report there); returns { state, text, data, problems } with console errors collected.
 */
export async function openReport(context, url, { timeout = 60_000 } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Failed loads are reported below with their URL (a missing favicon is not a problem).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector("#report[data-state]", { timeout });
  const result = await page.$eval("#report", (el) => ({ state: el.dataset.state, text: el.textContent, data: el.dataset.report ?? null }));
  await page.close();
  return { ...result, problems };
}
