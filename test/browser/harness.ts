import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, FrameLocator, Page, chromium } from 'playwright-core';
import { Launched, launchPlayground } from '../../local/playground/launch';
import { ROOT, ensureBuilt } from '../harness/bundle';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results');

export interface Session {
  launched: Launched;
  browser: Browser;
  page: Page;
  /** Every JavaScript dialog any page opened (alert(1) from an injected name would land here). */
  dialogs: string[];
  errors: string[];
}

export async function start(
  options: { viewport?: { width: number; height: number }; deployment?: 'bound' | 'addon' } = {},
): Promise<Session> {
  ensureBuilt();
  const launched = await launchPlayground(ROOT, {
    reset: true,
    stateFile: join(mkdtempSync(join(tmpdir(), 'playground-')), 'state.json'),
    deployment: options.deployment,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const session: Session = { launched, browser, page, dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    session.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => session.errors.push(e.message));
  await page.goto(launched.url);
  return session;
}

export async function stop(s: Session, screenshot: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await s.page.screenshot({ path: join(RESULTS, `${screenshot}.png`), fullPage: false }).catch(() => undefined);
  await s.browser.close();
  await new Promise((r) => s.launched.server.close(r));
}

/** Acting user and language, as the header's selectors set them. */
export async function actAs(s: Session, user: string, locale?: string): Promise<void> {
  await s.page.getByTestId('user').selectOption(user);
  if (locale) await s.page.getByTestId('locale').selectOption(locale);
  await s.page.waitForTimeout(300);
}

export async function menu(s: Session, caption: string): Promise<void> {
  await s.page.getByRole('button', { name: 'Spreadsheet' }).click();
  await s.page.getByTestId('addon-menu').click();
  await s.page.getByRole('menuitem', { name: caption }).click();
  await s.page.waitForTimeout(300);
}

/** Waits until the sidebar's screen has loaded (it is aria-busy while its one server call runs). */
export async function settled(s: Session): Promise<FrameLocator> {
  const frame = sidebar(s);
  await frame.locator('#screen[aria-busy="false"]').waitFor();
  return frame;
}

export function sidebar(s: Session): FrameLocator {
  return s.page.frameLocator('[data-testid=sidebar]');
}

export async function openSidebarTab(s: Session, tab: string): Promise<FrameLocator> {
  const frame = await settled(s);
  const button = frame.getByRole('tab', { name: tab });
  if ((await button.getAttribute('aria-selected')) !== 'true') {
    await button.click();
    await frame
      .locator('#screen[aria-busy="true"]')
      .waitFor({ timeout: 1000 })
      .catch(() => undefined);
  }
  return settled(s);
}

export function form(s: Session): FrameLocator {
  return s.page.frameLocator('[data-testid=form]');
}

export async function sheet(s: Session, name: string): Promise<{ values: string[][] }> {
  const r = await fetch(`${s.launched.url}api/sheet?name=${encodeURIComponent(name)}`);
  return (await r.json()) as { values: string[][] };
}

/** Calls the add-on as the acting user, the way google.script.run would. */
export async function run<T = unknown>(s: Session, fn: string, args: unknown[] = []): Promise<T> {
  const r = await fetch(`${s.launched.url}api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fn, args }),
  });
  const body = (await r.json()) as { ok: boolean; value?: T; error?: string };
  if (!body.ok) throw new Error(`${fn}: ${body.error}`);
  return body.value as T;
}

/** Runs an action that asks first, answering "yes" (the token goes where the action takes it). */
export async function runConfirmed<T = unknown>(s: Session, fn: string, args: unknown[], at: number): Promise<T> {
  const asked = await run<{ confirm?: { token: string } }>(s, fn, args);
  if (!asked?.confirm) return asked as T;
  const again = [...args];
  again[at] = asked.confirm.token;
  return run<T>(s, fn, again);
}

/** A screenshot at a given window size, kept in test-results/ to look at. */
export async function snapshot(s: Session, name: string, size: { width: number; height: number }): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await s.page.setViewportSize(size);
  await s.page.waitForTimeout(400);
  await s.page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** The demo's round carried to "goods arrived": closed (asked first), ordered from the supplier, received in full. */
export async function demoRoundArrived(s: Session): Promise<void> {
  await runConfirmed(s, 'closeRound', ['R1'], 1);
  await run(s, 'supplierOrder', ['R1']);
  await runConfirmed(s, 'recordReceipt', ['R1', {}], 2);
}
