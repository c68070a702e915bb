import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Launched, launchPlayground } from '../../local/playground/launch';
import { ROOT, ensureBuilt } from '../harness/bundle';

async function post(l: Launched, path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(`${l.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Record<string, unknown>;
}

const close = (l: Launched) => new Promise((r) => l.server.close(r));

describe('the playground server', () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'pg-')), 'state.json');

  test('seeds the demo community, and a restart continues where it stopped', async () => {
    ensureBuilt();
    let l = await launchPlayground(ROOT, { reset: true, stateFile });
    const saved = await post(l, 'api/run', {
      fn: 'saveOfflineOrder',
      args: [{ roundId: 'R1', name: 'Тамара', quantities: { TEA: '1' } }],
    });
    expect(saved.ok).toBe(true);
    await close(l);
    l = await launchPlayground(ROOT, { stateFile });
    const orders = (await (await fetch(`${l.url}api/sheet?name=${encodeURIComponent('Заказы')}`)).json()) as {
      values: string[][];
    };
    expect(orders.values.some((r) => r.includes('Тамара'))).toBe(true);
    expect(l.playground.log[0]).toMatch(/^restored/);
    await close(l);
  }, 60_000);

  test("google.script.run keeps Apps Script's rules: private functions are out of reach, failures go to the failure handler", async () => {
    const l = await launchPlayground(ROOT, { stateFile });
    expect(await post(l, 'api/run', { fn: 'onTick_', args: [] })).toEqual({
      ok: false,
      error: 'Script function not found: onTick_',
    });
    const refused = await post(l, 'api/run', { fn: 'createRound', args: [{ title: '', deadline: 'x', itemIds: [] }] });
    expect(refused.ok).toBe(false);
    expect(String(refused.error)).toContain('Дайте закупке название.');
    const page = await (await fetch(`${l.url}page/0`)).text().catch(() => '');
    expect(page).toBe('{"error":"no such page"}');
    await post(l, 'api/menu', { fn: 'showSidebar' });
    const sidebar = await (await fetch(`${l.url}page/0`)).text();
    expect(sidebar).toMatch(/<head><script>[\s\S]*google = \{ script: \{ run:/);
    await close(l);
  }, 60_000);
});
