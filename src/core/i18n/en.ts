import { Message } from './catalog';

/** English is the reference catalog: its keys are the typed list every other language must cover. */
export const en = {
  'app.name': 'Group purchases',
  'menu.openPanel': 'Open coordinator panel',
  'menu.help': 'Help',
  'help.title': 'How a group purchase works',
  'help.close': 'Close',
  'help.step.prepare': 'Prepare: keep the catalog of items with prices, box sizes, minimums and limits.',
  'help.step.open': 'Open a round: the add-on creates a Google Form; share its link in your chats.',
  'help.step.collect': 'Collect: orders land in the Orders sheet; volunteers enter orders for neighbours without a smartphone.',
  'help.step.close': 'Close at the deadline: boxes are counted, everyone gets a final bill.',
  'help.step.receive': 'Order and receive: send the supplier order; when goods arrive, notify everyone with one click.',
  'help.step.handOut': 'Hand out by building, check off pickups and payments.',
  'help.step.settle': 'Settle: the ledger shows money in and out to the kopeck.',
  'error.generic': 'Something went wrong: {detail}',
  'error.multipleAccounts': 'You are signed in to several Google accounts. Sign out of the others or open the sheet in a private window.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
