/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Example jest projects under spec/ run as their own jest process, not as part of this one.
  testPathIgnorePatterns: ['/node_modules/', '/spec/examples/'],
  testTimeout: 30000,
};
