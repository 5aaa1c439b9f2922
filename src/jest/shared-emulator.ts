/**
 * Where globalSetup leaves the run's emulator for globalTeardown (jest runs both in its main
 * process and shares their globals). A registry symbol, so two copies of this package agree.
 */
export const SHARED_EMULATOR = Symbol.for('cos-emulator.jest.shared');
