/**
 * Every function Apps Script may call by name: simple triggers, menu items, installable trigger
 * handlers and google.script.run calls. build.mjs turns each key into a top-level function in
 * dist/Code.js. Names ending in "_" are private: google.script.run cannot call them.
 */
import { onInstall, onOpen, showHelp } from './menu';

export const entryPoints = {
  onOpen,
  onInstall,
  showHelp,
};
