import { EXECUTION_TIME_ERROR, SCOPE, STRICT, loadScript } from '../../local/emulator';
import { loadAddOn } from '../harness/bundle';

// Scopes, consent and authorization modes. Every expectation cites the reference page it comes from;
// FIDELITY.md lists them all. Scripts are loaded under STRICT (the default).

const SCRIPT = `
  function email() { return Session.getActiveUser().getEmail(); }
  function locale() { return Session.getActiveUserLocale(); }
  function active() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue('x').getValue(); }
  function openOwn() { return SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName(); }
  function mail() { MailApp.sendEmail('a@example.org', 's', 'b'); }
  function trigger() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
  function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>')); }
  function form() { FormApp.create('Round'); }
  function free() {
    var lock = LockService.getScriptLock(); lock.waitLock(1000); lock.releaseLock();
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
    return [Utilities.formatDate(new Date(0), 'UTC', 'yyyy'), Session.getActiveUserLocale(), PropertiesService.getDocumentProperties().getProperty('k')];
  }
  function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'sidebar').addToUi(); return Session.getActiveUserLocale(); }
  function props() { return PropertiesService.getDocumentProperties().getProperty('k'); }
  function slowOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'sidebar').addToUi(); Utilities.sleep(40 * 1000); SpreadsheetApp.getActiveSpreadsheet().getName(); }
  function authInfo(scopes) {
    var info = scopes ? ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, scopes) : ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return { status: String(info.getAuthorizationStatus()), url: info.getAuthorizationUrl(), scopes: info.getAuthorizedScopes() };
  }
`;

const withScopes = (...oauthScopes: string[]) => loadScript(SCRIPT, { oauthScopes }).workspace;

describe('scopes: only what appsscript.json declares (https://developers.google.com/apps-script/concepts/scopes)', () => {
  test('Session.getActiveUser needs userinfo.email (reference/base/session#getActiveUser())', () => {
    const ws = withScopes(SCOPE.spreadsheetsCurrentOnly);
    expect(() => ws.run('email')).toThrow(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(withScopes(SCOPE.userinfoEmail).run('email')).toBe('coordinator@example.org');
  });

  test('getActiveSpreadsheet works with spreadsheets.currentonly; openById needs spreadsheets, even for the own file (reference/spreadsheet/spreadsheet-app#openById(String))', () => {
    const ws = withScopes(SCOPE.spreadsheetsCurrentOnly);
    expect(ws.run('active')).toBe('x');
    expect(() => ws.run('openOwn')).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(withScopes(SCOPE.spreadsheets).run('openOwn')).toBe('Community');
  });

  test('a call any of several scopes allows lists them as "(a || b)"', () => {
    expect(() => withScopes(SCOPE.forms).run('active')).toThrow(
      'Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  test.each([
    ['mail', 'MailApp.sendEmail', SCOPE.sendMail], // reference/mail/mail-app#sendEmail(String,String,String)
    ['trigger', 'ScriptApp.newTrigger', SCOPE.scriptApp], // reference/script/script-app#newTrigger(String)
    ['sidebar', 'Ui.showSidebar', SCOPE.containerUi], // reference/base/ui#showSidebar(Object)
    ['form', 'FormApp.create', SCOPE.forms], // reference/forms/form-app#create(String)
  ])('%s needs its scope: %s → %s', (fn, method, scope) => {
    const all = Object.values(SCOPE);
    expect(() => withScopes(...all.filter((s) => s !== scope)).run(fn)).toThrow(
      `Specified permissions are not sufficient to call ${method}. Required permissions: ${scope}`,
    );
    expect(() => withScopes(...all).run(fn)).not.toThrow();
  });

  test('LockService, PropertiesService, Utilities and the user locale need no scope at all', () => {
    expect(withScopes().run('free')).toEqual(['1970', 'en', 'v']);
  });

  test("the add-on's manifest declares userinfo.email, which every action needs to know who is calling (reference/base/session#getActiveUser())", () => {
    expect(() => loadAddOn({ fidelity: STRICT }).workspace.run('setUpCommunity')).not.toThrow();
    const withoutEmail = Object.values(SCOPE).filter((s) => s !== SCOPE.userinfoEmail && s !== SCOPE.spreadsheets);
    const { workspace: ws } = loadAddOn({ fidelity: STRICT, oauthScopes: withoutEmail });
    expect(() => ws.run('setUpCommunity')).toThrow('Required permissions: https://www.googleapis.com/auth/userinfo.email');
  });
});

describe('consent: ScriptApp.getAuthorizationInfo (https://developers.google.com/apps-script/reference/script/authorization-info)', () => {
  test('an authorized user: NOT_REQUIRED, no URL, the granted scopes (filtered to the list asked about)', () => {
    const ws = withScopes(SCOPE.spreadsheetsCurrentOnly, SCOPE.sendMail);
    expect(ws.run('authInfo')).toEqual({
      status: 'NOT_REQUIRED',
      url: null,
      scopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.sendMail],
    });
    expect(ws.run('authInfo', [[SCOPE.sendMail, SCOPE.forms]])).toMatchObject({ scopes: [SCOPE.sendMail] });
  });

  test('a user who has not authorized: an add-on asks for every scope before it runs; onOpen (LIMITED) can see REQUIRED', () => {
    const ws = withScopes(SCOPE.spreadsheetsCurrentOnly);
    ws.project.authorization.unauthorized.add('new@example.org');
    expect(() => ws.run('active', [], { user: 'new@example.org' })).toThrow('Authorization is required to perform that action.');
    const info = ws.run<{ status: string; url: string }>('authInfo', [], { user: 'new@example.org', authMode: 'LIMITED' });
    expect(info.status).toBe('REQUIRED');
    expect(info.url).toContain(ws.scriptApp.getScriptId());
  });
});

describe('a new version that declares another scope (https://developers.google.com/apps-script/reference/script/authorization-info)', () => {
  test('"Some script executions can start without a user\'s consent to all required scopes": a trigger starts, sees REQUIRED, and only a call needing the new scope fails', () => {
    const earlier = [SCOPE.spreadsheetsCurrentOnly, SCOPE.sendMail, SCOPE.scriptApp];
    const ws = withScopes(...earlier, SCOPE.userinfoEmail);
    ws.project.authorization.grantedEarlier.set(ws.owner, new Set(earlier));
    // From the menu, an add-on asks for consent before it runs anything.
    expect(() => ws.run('active')).toThrow('Authorization is required to perform that action.');
    const byTrigger = (fn: string) => ws.run(fn, [], { cause: 'trigger:CLOCK' });
    const info = byTrigger('authInfo') as { status: string; url: string; scopes: string[] };
    expect(info.status).toBe('REQUIRED');
    expect(info.url).toContain(ws.scriptApp.getScriptId());
    expect(info.scopes.sort()).toEqual([...earlier].sort());
    expect(() => byTrigger('mail')).not.toThrow();
    expect(() => byTrigger('email')).toThrow('Authorization is required to perform that action.');
  });
});

describe('authorization modes (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle, reference/script/auth-mode)', () => {
  const all = Object.values(SCOPE);

  test('NONE: the add-on menu and the locale, nothing else — not even document properties (workspace/add-ons/concepts/menus)', () => {
    const ws = withScopes(...all);
    expect(ws.run('menu', [], { authMode: 'NONE' })).toBe('en');
    expect(ws.ui.menus[0].items.map((i) => i.caption)).toEqual(['Open']);
    expect(() => ws.run('props', [], { authMode: 'NONE' })).toThrow('You do not have permission to call Properties.getProperty.');
    expect(() => ws.run('active', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
    );
  });

  test('LIMITED (simple onOpen/onEdit): the bound file and unauthorized services, but no mail, triggers, forms or sidebar', () => {
    const ws = withScopes(...all);
    expect(ws.run('active', [], { authMode: 'LIMITED' })).toBe('x');
    expect(ws.run('free', [], { authMode: 'LIMITED' })).toEqual(['1970', 'en', 'v']);
    for (const [fn, method] of [
      ['mail', 'MailApp.sendEmail'],
      ['trigger', 'ScriptApp.newTrigger'],
      ['form', 'FormApp.create'],
      ['sidebar', 'Ui.showSidebar'],
    ])
      expect(() => ws.run(fn, [], { authMode: 'LIMITED' })).toThrow(`You do not have permission to call ${method}.`);
  });

  test("LIMITED: the user's email is blank (reference/base/session#getActiveUser(): not available in a simple onOpen)", () => {
    const ws = withScopes(...all);
    expect(ws.run('email', [], { authMode: 'LIMITED' })).toBe('');
    expect(ws.run('email')).toBe('coordinator@example.org');
  });

  test('FULL (a menu item, onInstall, an installable trigger): everything the manifest grants', () => {
    const ws = withScopes(...all);
    for (const fn of ['mail', 'trigger', 'form', 'sidebar', 'active']) expect(() => ws.run(fn)).not.toThrow();
  });

  test('a simple trigger may run 30 seconds (guides/triggers#restrictions: "They cannot run for longer than 30 seconds")', () => {
    const ws = withScopes(...all);
    expect(() => ws.run('slowOpen', [], { authMode: 'LIMITED' })).toThrow(EXECUTION_TIME_ERROR);
    expect(ws.ui.menus).toHaveLength(1);
    expect(() => ws.run('slowOpen')).not.toThrow();
  });
});

test("the add-on's onOpen builds its menu in NONE and LIMITED, and onInstall in FULL, under STRICT (editor-auth-lifecycle)", () => {
  for (const authMode of ['NONE', 'LIMITED', 'FULL'] as const) {
    const { workspace: ws } = loadAddOn({ fidelity: STRICT });
    ws.run(authMode === 'FULL' ? 'onInstall' : 'onOpen', [{ authMode }], { authMode });
    expect(ws.ui.menus).toHaveLength(1);
    expect(ws.ui.menus[0].items.length).toBeGreaterThan(5);
  }
});
