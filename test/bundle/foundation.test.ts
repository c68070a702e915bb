import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST, ensureBuilt, loadAddOn } from '../harness/bundle';

function entryPointNames(): string[] {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(DIST, 'Code.js'), 'utf8'), context);
  return Object.keys(context.AddOn.entryPoints);
}

describe('the built bundle', () => {
  beforeAll(ensureBuilt);

  test('evaluates in a bare context with no Node globals', () => {
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    const context = vm.createContext({});
    expect(() => vm.runInContext(code, context)).not.toThrow();
    expect(code).not.toMatch(/\brequire\(|^\s*(import|export)\s|\bprocess\./m);
  });

  test('every declared entry point is a top-level function declaration', () => {
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    const names = entryPointNames();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showHelp']));
    for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('dist holds what clasp pushes: Code.js, the manifest and one HTML file per page', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes.join(' ')).not.toMatch(/gmail|script\.external_request|auth\/spreadsheets"|drive/);
    expect(readFileSync(join(DIST, 'Help.html'), 'utf8')).toMatch(/<script>[\s\S]+<\/script>/);
  });
});

describe('a coordinator opens the spreadsheet', () => {
  test.each([
    ['ru_RU', 'Справка'],
    ['zh_CN', '帮助'],
    ['en_GB', 'Help'],
  ])("the add-on menu is in the coordinator's language (%s)", (locale, help) => {
    const { workspace: ws } = loadAddOn();
    ws.session.locales.set(ws.owner, locale);
    ws.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
    const [menu] = ws.ui.menus;
    expect(menu.addOn).toBe(true);
    expect(menu.items.map((i) => i.caption)).toContain(help);
    // Every menu item points at a function that exists in the bundle.
    const names = entryPointNames();
    for (const item of menu.items) if (item.functionName) expect(names).toContain(item.functionName);
  });

  test('onOpen works before authorization (AuthMode.NONE) and touches no sheet', () => {
    const { workspace: ws } = loadAddOn();
    ws.calls.reset();
    expect(() => ws.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' })).not.toThrow();
    expect(ws.calls.roundTrips('spreadsheet')).toBe(0);
    expect(ws.ui.menus).toHaveLength(1);
  });

  test('onInstall shows the same menu', () => {
    const { workspace: ws } = loadAddOn();
    ws.run('onInstall', [{ authMode: 'FULL' }]);
    expect(ws.ui.menus[0].items.length).toBeGreaterThan(0);
  });

  test("Help opens a dialog in the coordinator's language", () => {
    const { workspace: ws } = loadAddOn();
    ws.session.locales.set(ws.owner, 'ru');
    ws.run('showHelp');
    const [page] = ws.ui.pages;
    expect(page.kind).toBe('modal');
    expect(page.title).toBe('Как устроена совместная закупка');
    expect(page.html.getContent()).toContain('<li>Подготовка:');
  });
});
