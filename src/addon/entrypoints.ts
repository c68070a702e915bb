/**
 * Every function Apps Script may call by name: simple triggers, menu items, installable trigger
 * handlers and google.script.run calls. build.mjs turns each key into a top-level function in
 * dist/Code.js. Names ending in "_" are private: google.script.run cannot call them.
 */
import { onFormSubmit_ } from './intake';
import { onInstall, onOpen, showHelp } from './menu';
import { cancelOfflineOrder, saveOfflineOrder } from './offline';
import { cancelRound, createRound, extendDeadline, listRounds, openRound } from './rounds';
import { setUpCommunity } from './setup';
import { onTick_ } from './tick';

export const entryPoints = {
  // simple triggers and menu
  onOpen,
  onInstall,
  showHelp,
  setUpCommunity,
  // installable triggers (private)
  onFormSubmit_,
  onTick_,
  // google.script.run: rounds and offline orders
  listRounds,
  createRound,
  openRound,
  extendDeadline,
  cancelRound,
  saveOfflineOrder,
  cancelOfflineOrder,
};
