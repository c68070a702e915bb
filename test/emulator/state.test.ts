import { loadScript, loadState, saveState } from '../../local/emulator';

// The playground keeps the emulator's state in a file: what emu-auth added must survive a save and a load.
const SCRIPT = `
  function tick() { Utilities.sleep(120 * 1000); }
  function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); PropertiesService.getUserProperties().setProperty('lang', 'zh'); }
  function lang() { return PropertiesService.getUserProperties().getProperty('lang'); }
  function count() { return ScriptApp.getProjectTriggers().length; }
`;

test('trigger runtime used today, users who have not authorized, user properties and clock triggers survive save/load', () => {
  const { workspace: ws } = loadScript(SCRIPT);
  ws.run('install');
  ws.advance(3 * 3600_000);
  ws.project.authorization.unauthorized.add('gone@example.org');
  const minutes = ws.triggerMinutesToday();
  expect(minutes).toBeGreaterThan(3);

  const saved = JSON.parse(JSON.stringify(saveState(ws)));
  const { workspace: restored } = loadScript(SCRIPT);
  loadState(restored, saved);
  expect(restored.triggerMinutesToday()).toBeCloseTo(minutes);
  expect(restored.project.authorization.isAuthorized('gone@example.org')).toBe(false);
  expect(restored.run('lang')).toBe('zh');
  expect(restored.run('count')).toBe(1);
  expect(restored.triggers.triggers[0]).toMatchObject({ source: 'CLOCK', sourceId: '', documentId: ws.documentId });
});
