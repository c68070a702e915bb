import { loadScript } from '../../local/emulator';

const PAGE =
  '<h1><?= title ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= include("Part") ?>';

describe('HtmlService templates', () => {
  const script = `
    function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
    function render(title, items) { var t = HtmlService.createTemplateFromFile('Page'); t.title = title; t.items = items; return t.evaluate().getContent(); }
    function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<b>x</b>').setTitle('Panel')); }
  `;

  test('<?= ?> escapes, <? ?> runs code, <?!= ?> prints raw (the include pattern)', () => {
    const { workspace: ws } = loadScript(script, { htmlFiles: { Page: PAGE, Part: '<i>part</i>' } });
    const html = ws.run<string>('render', ['<img src=x onerror=alert(1)>', ['a&b', 'c']]);
    expect(html).toBe('<h1>&lt;img src=x onerror=alert(1)&gt;</h1><li>a&amp;b</li><li>c</li><i>part</i>');
  });

  test('sidebars shown are recorded with their title', () => {
    const { workspace: ws } = loadScript(script);
    ws.run('show');
    expect(ws.ui.pages[0].kind).toBe('sidebar');
    expect(ws.ui.pages[0].title).toBe('Panel');
    expect(ws.ui.pages[0].html.getContent()).toBe('<b>x</b>');
  });

  test('a missing file is an error', () => {
    const { workspace: ws } = loadScript(`function f() { HtmlService.createTemplateFromFile('Nope'); }`);
    expect(() => ws.run('f')).toThrow('No HTML file named Nope was found.');
  });
});
