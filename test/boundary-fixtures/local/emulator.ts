export const emulator = {};
