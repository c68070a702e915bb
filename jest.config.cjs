// esbuild is already the bundler, so it also strips types for jest: no second compiler to keep in step.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/test/harness/esbuild-jest.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
