import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import request from 'supertest';
import globalSetup = require('../../src/jest/global-setup');
import globalTeardown = require('../../src/jest/global-teardown');

/** COS_EMULATOR_* variables are both inputs and outputs of the setup; each test starts clean. */
const saved = { ...process.env };
beforeEach(() => {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('COS_EMULATOR_')) delete process.env[name];
  }
});
afterEach(async () => {
  await globalTeardown();
  process.env = { ...saved };
});

describe('the jest global setup and teardown, in process', () => {
  let rootDir: string;
  beforeAll(() => {
    rootDir = mkdtempSync(path.join(tmpdir(), 'cos-emulator-jest-'));
  });
  afterAll(() => rmSync(rootDir, { recursive: true, force: true }));

  it('starts with no config file and no variables, and publishes how to reach it', async () => {
    await globalSetup({ rootDir });
    const url = process.env.COS_EMULATOR_URL!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.COS_EMULATOR_PORT).toBe(new URL(url).port);
    expect(process.env.COS_EMULATOR_SECRET_ID).toBeTruthy();
    const health = await request(url).get('/_emulator/health').expect(200);
    expect(health.body.status).toBe('ok');
  });

  it('gives each jest project its own emulator and stops all of them on teardown', async () => {
    await globalSetup({ rootDir });
    const first = process.env.COS_EMULATOR_URL!;
    await globalSetup({ rootDir });
    const second = process.env.COS_EMULATOR_URL!;
    expect(second).not.toBe(first);
    await request(first).get('/_emulator/health').expect(200);

    await globalTeardown();
    await globalTeardown();
    await expect(request(first).get('/_emulator/health')).rejects.toThrow(/ECONNREFUSED/);
    await expect(request(second).get('/_emulator/health')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reads the variables as they were, and restores them on teardown', async () => {
    process.env.COS_EMULATOR_REGIONS = 'ap-beijing';
    await globalSetup({ rootDir });
    expect(process.env.COS_EMULATOR_PORT).toBeDefined();
    await globalSetup({ rootDir });
    expect(process.env.COS_EMULATOR_REGIONS).toBe('ap-beijing');

    await globalTeardown();
    expect(process.env.COS_EMULATOR_REGIONS).toBe('ap-beijing');
    expect(process.env.COS_EMULATOR_PORT).toBeUndefined();
    expect(process.env.COS_EMULATOR_URL).toBeUndefined();
  });
});
