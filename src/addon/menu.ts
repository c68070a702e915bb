import { t } from '../core/i18n/translate';
import { userLang } from '../workspace/session';
import { showDialog } from '../workspace/ui/dialogs';

/**
 * Builds the add-on menu. Runs as a simple trigger, possibly in AuthMode.NONE, so it reads nothing
 * from the sheet and writes nothing: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(lang, 'menu.openPanel'), 'showSidebar')
    .addItem(t(lang, 'menu.newRound'), 'showNewRound')
    .addItem(t(lang, 'menu.formLink'), 'showFormLink')
    .addSeparator()
    .addItem(t(lang, 'menu.supplierOrder'), 'showSupplierOrder')
    .addItem(t(lang, 'menu.distribution'), 'showDistributionLists')
    .addSeparator()
    .addItem(t(lang, 'menu.settings'), 'showSettings')
    .addItem(t(lang, 'menu.setUp'), 'setUpCommunity')
    .addItem(t(lang, 'menu.help'), 'showHelp')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

const HELP_STEPS = [
  'help.step.prepare', 'help.step.open', 'help.step.collect', 'help.step.close',
  'help.step.receive', 'help.step.handOut', 'help.step.settle',
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
