import { Session, start, stop } from './harness';

/**
 * Can the sidebar's "Download CSV file" link work inside HtmlService's sandboxed iframe? Chromium (since
 * 83) refuses a download started in a sandboxed frame unless the sandbox has `allow-downloads`
 * (https://www.chromestatus.com/feature/5706745674465280). Google does not document which flags its
 * add-on frame carries (https://developers.google.com/apps-script/guides/html/restrictions), so the
 * screen also names the sheet holding the same order. This test pins the browser side of that finding.
 */
let s: Session;
beforeAll(async () => (s = await start()));
afterAll(async () => stop(s, 'download-sandbox'));

async function downloads(sandbox: string): Promise<boolean> {
  const link = `<a id="csv" download="order.csv" href="data:text/csv;charset=utf-8,%EF%BB%BF%D0%A2%D0%BE%D0%B2%D0%B0%D1%80;1">CSV</a>`;
  await s.page.setContent(`<iframe id="f" sandbox="${sandbox}" srcdoc='${link}'></iframe>`);
  const frame = s.page.frameLocator('#f');
  const started = s.page.waitForEvent('download', { timeout: 3000 }).then(
    () => true,
    () => false,
  );
  await frame.locator('#csv').click();
  return started;
}

test('a data: download link in a sandboxed frame works only with allow-downloads', async () => {
  expect(await downloads('allow-scripts allow-same-origin allow-forms allow-popups allow-modals')).toBe(false);
  expect(await downloads('allow-scripts allow-same-origin allow-forms allow-popups allow-modals allow-downloads')).toBe(true);
});
