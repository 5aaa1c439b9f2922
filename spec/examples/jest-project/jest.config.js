// An example of a user's jest project: one emulator for the whole run, from the package's
// global setup and teardown (resolved through the package name, as a user's project would).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  transform: {},
  globalSetup: require.resolve('cos-emulator/jest/global-setup'),
  globalTeardown: require.resolve('cos-emulator/jest/global-teardown'),
};
