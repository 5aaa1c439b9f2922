import { spawn } from 'child_process';
import path from 'path';
import { cleanEnv, ensureBuilt, ROOT } from '../cli/cli-support';

const PROJECT = path.join(ROOT, 'spec/examples/jest-project');

beforeAll(() => ensureBuilt(), 120_000);

/** Runs jest on the example project in its own process, as a user's `npx jest` would. */
function runExampleProject(): Promise<{ code: number | null; output: string }> {
  const jest = require.resolve('jest/bin/jest');
  const args = [jest, '--config', path.join(PROJECT, 'jest.config.js'), '--ci', '--colors=false'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the jest integration (global setup, teardown and useEmulator)', () => {
  it('runs an example jest project against the emulator it starts, and passes', async () => {
    const run = await runExampleProject();
    expect(run.output).toContain('Tests:       5 passed, 5 total');
    expect(run.code).toBe(0);
  }, 120_000);
});
