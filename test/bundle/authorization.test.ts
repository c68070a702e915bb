import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPE } from '../../local/emulator';
import { KEYS, USER_KEYS } from '../../src/workspace/properties/keys';
import { readStored } from '../../src/workspace/properties/store';
import { DIST, loadAddOn } from '../harness/bundle';
import { Community, DEPLOYMENTS, HOUR, orderRows, openCommunity, submit } from '../harness/community';

// Issue 12, item 2: authorization modes (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle)
// and an update that asks for a new scope (https://developers.google.com/apps-script/reference/script/authorization-info).

describe.each(DEPLOYMENTS)('the menu in every authorization mode (%s)', (deployment) => {
  test.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'onOpen in AuthMode.%s builds the whole menu and touches no sheet',
    (authMode) => {
      const { workspace: ws } = loadAddOn({ deployment });
      ws.session.locales.set(ws.owner, 'ru_RU');
      ws.calls.reset();
      ws.run('onOpen', [{ authMode }], { authMode });
      expect(ws.calls.roundTrips('spreadsheet')).toBe(0);
      expect(ws.ui.menus[0].items.map((i) => i.caption)).toContain('Проверить настройку');
    },
  );

  test('onInstall runs in AuthMode.FULL as a simple trigger (30 s) and shows the same menu', () => {
    const { workspace: ws } = loadAddOn({ deployment });
    ws.run('onInstall', [{ authMode: 'FULL' }], { authMode: 'FULL', simpleTrigger: true });
    expect(ws.ui.menus[0].items.length).toBeGreaterThan(5);
  });
});

const declared = (JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes;
/** The triggers' owner authorized the version before userinfo.email was declared. */
function authorizedEarlier(c: Community, without: string[] = [SCOPE.userinfoEmail]): void {
  c.ws.project.authorization.grantedEarlier.set(c.ws.owner, new Set(declared.filter((s) => !without.includes(s))));
}
const askedAgain = (c: Community) => c.ws.mail.sent.filter((m) => m.subject.includes('разрешите дополнению'));
const userData = (c: Community) => Object.fromEntries(c.ws.properties.user(c.ws.owner).data);
const documentData = (c: Community) => Object.fromEntries(c.ws.properties.document.data);

describe.each(DEPLOYMENTS)('an update that needs the owner to authorize again (%s)', (deployment) => {
  test('the hourly tick emails its owner the authorization link at most once a day, instead of failing silently', () => {
    const c = openCommunity({ deployment });
    authorizedEarlier(c);
    c.ws.advance(5 * HOUR);
    const ticks = c.ws.executions.filter((e) => e.functionName === 'onTick_');
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.filter((e) => e.error)).toEqual([]);
    expect(askedAgain(c).map((m) => m.to)).toEqual([c.ws.owner]);
    expect(askedAgain(c)[0].body).toContain(`https://script.google.com/macros/d/${c.ws.scriptApp.getScriptId()}/authorize`);
    c.ws.advance(24 * HOUR);
    expect(askedAgain(c)).toHaveLength(2);
  });

  test('a submission meanwhile waits, parked, and is recorded once the owner has authorized again', () => {
    const c = openCommunity({ deployment });
    authorizedEarlier(c);
    const result = submit(c, { name: 'Анна', items: { RICE: '2' } });
    expect(result.ok && result.runs?.[0].error).toBeUndefined();
    expect(orderRows(c.ws)).toEqual([]);
    c.ws.project.authorization.grantedEarlier.delete(c.ws.owner);
    c.ws.run('roundsScreen');
    expect(orderRows(c.ws).map((o) => o.name)).toEqual(['Анна']);
  });

  test("if MailApp is refused as well, Google's words are kept for Check set-up", () => {
    const c = openCommunity({ deployment });
    authorizedEarlier(c, [SCOPE.userinfoEmail, SCOPE.sendMail]);
    c.ws.advance(2 * HOUR);
    expect(askedAgain(c)).toEqual([]);
    const refused = readStored(userData(c), USER_KEYS.mailRefused);
    expect(refused?.error).toBe('Authorization is required to perform that action.');
    // The next execution with the file that runs as the owner copies it to the spreadsheet.
    c.ws.project.authorization.grantedEarlier.delete(c.ws.owner);
    c.ws.run('settingsScreen');
    expect(readStored(documentData(c), KEYS.mailProblem)?.error).toBe(refused?.error);
  });
});
