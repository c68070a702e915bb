export const fixture = {};
