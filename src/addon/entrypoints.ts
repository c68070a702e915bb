/**
 * Every function Apps Script may call by name: simple triggers, menu items, installable trigger
 * handlers and google.script.run calls. build.mjs turns each key into a top-level function in
 * dist/Code.js. Names ending in "_" are private: google.script.run cannot call them.
 */
import { closeRound } from './close';
import {
  distributionLists,
  participantsScreen,
  purgePersonalData,
  recordPayment,
  recordRefund,
  recordSupplierPayment,
  sendVolunteerLists,
  setPickedUp,
  settleRound,
} from './handout';
import { onFormSubmit_ } from './intake';
import { emailsScreen, resolveStuckEmails, sendQueuedEmails } from './mail';
import { onInstall, onOpen, showHelp } from './menu';
import { cancelOfflineOrder, saveOfflineOrder } from './offline';
import { recordReceipt, supplierOrder } from './receiving';
import { cancelRound, createRound, extendDeadline, listRounds, openRound } from './rounds';
import { setUpCommunity } from './setup';
import {
  offlineScreen,
  roundsScreen,
  saveSettings,
  settingsScreen,
  showDistributionLists,
  showFormLink,
  showNewRound,
  showSettings,
  showSidebar,
  showSupplierOrder,
  tallyScreen,
} from './sidebar';
import { onTick_ } from './tick';

export const entryPoints = {
  // simple triggers and menu
  onOpen,
  onInstall,
  showHelp,
  setUpCommunity,
  showSidebar,
  showNewRound,
  showFormLink,
  showSupplierOrder,
  showDistributionLists,
  showSettings,
  // installable triggers (private)
  onFormSubmit_,
  onTick_,
  // google.script.run: screens (one call each)
  roundsScreen,
  tallyScreen,
  offlineScreen,
  settingsScreen,
  saveSettings,
  // google.script.run: rounds and orders
  listRounds,
  createRound,
  openRound,
  extendDeadline,
  cancelRound,
  closeRound,
  saveOfflineOrder,
  cancelOfflineOrder,
  // after the stop: supplier, receiving, hand-out, money
  supplierOrder,
  recordReceipt,
  distributionLists,
  sendVolunteerLists,
  participantsScreen,
  recordPayment,
  recordRefund,
  setPickedUp,
  recordSupplierPayment,
  settleRound,
  purgePersonalData,
  // emails
  emailsScreen,
  sendQueuedEmails,
  resolveStuckEmails,
};
