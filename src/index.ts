export { Emulator, startEmulator } from './emulator';
export type { EmulatorOptions, CredentialOption } from './options';
export { DEFAULT_APP_ID, DEFAULT_PORT, DEFAULT_REGIONS } from './options';
export { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from './http/auth';
export { CosError } from './errors';
export { InvalidOptionsError } from './option-checks';
export { FixtureError, loadFixtures, parseFixture } from './fixtures';
export type { FixtureDocument, FixtureInput, FixtureIssue } from './fixtures';
export type { LogLevel } from './logger';
