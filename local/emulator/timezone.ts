// The emulator keeps time the way the add-on does: one implementation of zone arithmetic.
export { wallTime, offsetMinutes, fromWallTime } from '../../src/core/time';
export type { WallTime } from '../../src/core/time';
