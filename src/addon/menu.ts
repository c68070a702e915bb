import { MessageKey, t } from '../core/i18n/translate';
import { userLang } from '../workspace/session';
import { addOnMenu, showDialog } from '../workspace/ui/dialogs';

/**
 * Builds the add-on menu. Runs as a simple trigger, possibly in AuthMode.NONE, so it reads nothing
 * from the sheet and writes nothing: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  const item = (key: MessageKey, fn: string) => ({ caption: t(lang, key), fn });
  addOnMenu([
    item('menu.openPanel', 'showSidebar'),
    item('menu.newRound', 'showNewRound'),
    item('menu.formLink', 'showFormLink'),
    null,
    item('menu.supplierOrder', 'showSupplierOrder'),
    item('menu.distribution', 'showDistributionLists'),
    null,
    item('menu.settings', 'showSettings'),
    item('menu.setUp', 'setUpCommunity'),
    item('menu.checkSetup', 'showCheckSetup'),
    item('menu.help', 'showHelp'),
  ]);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

const HELP_STEPS = [
  'help.step.prepare',
  'help.step.open',
  'help.step.collect',
  'help.step.close',
  'help.step.receive',
  'help.step.handOut',
  'help.step.settle',
] as const;

export function showHelp(): void {
  const lang = userLang();
  showDialog('Help', t(lang, 'help.title'), {
    lang,
    title: t(lang, 'help.title'),
    steps: HELP_STEPS.map((key) => t(lang, key)),
    closeLabel: t(lang, 'help.close'),
  });
}
