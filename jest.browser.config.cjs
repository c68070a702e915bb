// Browser tests: Playwright (playwright-core) driving Debian's /usr/bin/chromium against the playground.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/test/harness/esbuild-jest.cjs' },
  testTimeout: 120000,
  maxWorkers: 1,
};
