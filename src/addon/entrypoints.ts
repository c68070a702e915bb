/**
 * Every function Apps Script may call by name: simple triggers, menu items, installable trigger
 * handlers and google.script.run calls. build.mjs turns each key into a top-level function in
 * dist/Code.js. Names ending in "_" are private: google.script.run cannot call them.
 */
import { checkSetup, setupWarnings, showCheckSetup, takeOverTriggers } from './checkSetup';
import { closeRound } from './close';
import { showDistributionLists, showFormLink, showNewRound, showSettings, showSidebar, showSupplierOrder } from './dialogs';
import { distributionLists, sendVolunteerLists } from './handOut';
import { onFormSubmit_ } from './intake';
import { onInstall, onOpen, showHelp } from './menu';
import { importChatOrders } from './chatImport';
import { cancelOfflineOrder, saveOfflineOrder } from './offline';
import {
  recordDeliveryPayment,
  recordFeePayout,
  recordPayment,
  recordRefund,
  recordSupplierPayment,
  setPickedUp,
} from './payments';
import { purgePersonalData } from './purge';
import { archiveRound } from './archive';
import { recordReceipt, supplierOrder } from './receive';
import { cancelRound, createRound, extendDeadline, openRound } from './rounds';
import { readChatPaste } from './screens/chatImport';
import { chatMessagesScreen } from './screens/chatMessages';
import { emailsScreen } from './screens/emails';
import { moneyScreen } from './screens/money';
import { receivingScreen } from './screens/receiving';
import { offlineScreen } from './screens/offline';
import { participantsScreen } from './screens/participants';
import { listRounds, roundsScreen } from './screens/rounds';
import { saveSettings, settingsScreen } from './screens/settings';
import { tallyScreen } from './screens/tally';
import { resolveStuckEmails, sendQueuedEmails } from './sendEmails';
import { settleRound } from './settle';
import { orderSlips, showOrderSlips } from './slips';
import { matchStatementLines, recordStatementPayments } from './statement';
import { sendThankYou, thankYouScreen } from './thanks';
import { setUpCommunity } from './setup';
import { onTick_ } from './tick';
import { refreshBuildingTabs } from './buildingTabs';
import { onSheetEdit_ } from './phone';
import { myBuildingScreen } from './volunteer';
import { complaintsScreen, decideComplaint, recordComplaint } from './complaints';
import { roundLikePlan } from './roundLike';
import { createPoll, pollsScreen, roundFromPoll } from './poll';

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
  showCheckSetup,
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
  archiveRound,
  // money screens (issue 14): receiving, payments out, statements, thanks
  receivingScreen,
  moneyScreen,
  recordDeliveryPayment,
  recordFeePayout,
  matchStatementLines,
  recordStatementPayments,
  thankYouScreen,
  sendThankYou,
  // set-up check
  checkSetup,
  setupWarnings,
  takeOverTriggers,
  // emails
  emailsScreen,
  sendQueuedEmails,
  resolveStuckEmails,
  // chats and paper (issue 17)
  readChatPaste,
  importChatOrders,
  chatMessagesScreen,
  orderSlips,
  showOrderSlips,
  // — volunteers —
  onSheetEdit_,
  myBuildingScreen,
  refreshBuildingTabs,
  // between rounds (issue 18)
  roundLikePlan,
  complaintsScreen,
  recordComplaint,
  decideComplaint,
  createPoll,
  pollsScreen,
  roundFromPoll,
};
