// esbuild is already the bundler, so it also strips types for jest: no second compiler to keep in step.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The browser tests need Chromium and run with `npm run test:browser`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: { '\\.ts$': '<rootDir>/test/harness/esbuild-jest.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
