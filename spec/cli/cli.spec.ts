import http from 'http';
import net from 'net';
import { ensureBuilt, runCli, startCli } from './cli-support';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const VERSION: string = require('../../package.json').version;
const HOST = 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com';

beforeAll(() => ensureBuilt(), 120_000);

describe('cos-emulator (the CLI)', () => {
  it('prints its version with --version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  it('rejects an unknown flag with one message, no stack trace, and a non-zero exit', async () => {
    const run = await runCli(['--no-such-flag']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("unknown option '--no-such-flag'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad port from the environment, naming the variable', async () => {
    const run = await runCli([], { COS_EMULATOR_PORT: 'eighty' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('COS_EMULATOR_PORT');
    expect(run.stderr).toContain('expected a port number');
  });

  it('does not echo a malformed --credentials value', async () => {
    const run = await runCli(['--credentials', 'justonesecretword']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('is not SecretId:SecretKey');
    expect(run.stderr).not.toContain('justonesecretword');
  });

  it('prints the ready line first, then regions, AppId and the key pair', async () => {
    const cli = await startCli(['--port', '0', '--regions', 'ap-guangzhou,ap-beijing']);
    const health = await getJson(`${cli.url}/_emulator/health`);
    cli.child.kill('SIGTERM');
    await cli.exited;

    const [ready, ...banner] = cli.readyOutput().split('\n');
    expect(ready).toMatch(/^cos-emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner.join('\n')).toContain('regions: ap-guangzhou, ap-beijing');
    expect(banner.join('\n')).toContain('AppId: 1250000000');
    expect(banner.join('\n')).toContain('SecretId: AKIDCOSEMULATOR');
    expect(health).toMatchObject({ status: 'ok', regions: ['ap-guangzhou', 'ap-beijing'] });
  });

  it('takes its options from COS_EMULATOR_* variables', async () => {
    const cli = await startCli([], {
      COS_EMULATOR_PORT: '0',
      COS_EMULATOR_APP_ID: '1300000000',
      COS_EMULATOR_QUIET: '1',
    });
    const health = await getJson(`${cli.url}/_emulator/health`);
    cli.child.kill('SIGTERM');
    await cli.exited;
    expect(health).toMatchObject({ appId: '1300000000' });
    // Quiet: the ready line alone.
    expect(cli.readyOutput()).toMatch(/^cos-emulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  });

  it('reads COS_EMULATOR_QUIET=0, false or empty as off', async () => {
    for (const value of ['0', 'false', '']) {
      const cli = await startCli(['--port', '0'], { COS_EMULATOR_QUIET: value });
      cli.child.kill('SIGTERM');
      await cli.exited;
      expect(cli.readyOutput()).toContain('  regions: ');
    }
  });

  it('explains an option value startEmulator refuses, with status 1', async () => {
    const run = await runCli(['--port', '0', '--host', '']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('cos-emulator: invalid options: host: expected a non-empty string.\n');
  });

  it('on SIGINT stops and exits 0', async () => {
    const cli = await startCli(['--port', '0', '--quiet']);
    cli.child.kill('SIGINT');
    const run = await cli.exited;
    expect(run).toMatchObject({ code: 0, signal: null });
  });

  it('explains a port in use and exits non-zero', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = await runCli(['--port', String(port)]);
      expect(run.code).not.toBe(0);
      const expected = `cannot listen on 127.0.0.1:${port}: the port is already in use`;
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('refuses to start on an invalid fixture, naming file, line and column', async () => {
    const fixture = 'spec/fixtures/files/bad-versioning.yaml';
    const run = await runCli(['--port', '0', '--fixtures', fixture]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'spec/fixtures/files/bad-versioning.yaml:4:17: buckets[0].versioning: ' +
        'expected one of Enabled, Suspended; got "On"',
    );
    expect(run.stdout).toBe('');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const cli = await startCli(['--port', '0', '--auth', 'off', '-f', 'fixtures/minimal.yaml']);
    const url = new URL(cli.url);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method: 'PUT',
      path: '/late.txt',
      headers: { Host: HOST, 'Content-Length': '5', Expect: '100-continue' },
    });
    const response = new Promise<http.IncomingMessage>((resolve) => {
      request.on('response', resolve);
    });
    // 100 Continue means the server holds the request: the signal arrives while it is in flight.
    await new Promise((resolve) => request.on('continue', resolve));
    cli.child.kill('SIGTERM');
    request.end('hello');

    expect((await response).statusCode).toBe(200);
    const run = await cli.exited;
    expect(run.code).toBe(0);
  });
});

describe('cos-emulator check', () => {
  it('validates fixture files without starting a server', async () => {
    const run = await runCli(['check', 'fixtures/minimal.yaml', 'fixtures/full.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ok: 2 fixture file(s) valid');
  });

  it('reports every problem of an invalid file with its position', async () => {
    const run = await runCli(['check', 'spec/fixtures/files/several-problems.yaml']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('several-problems.yaml:3:');
    expect(run.stderr).toContain('several-problems.yaml:5:');
  });

  it('reports a KMS key defined in two files with both positions, not as a crash', async () => {
    const files = ['fixtures/encryption.yaml', 'spec/fixtures/files/same-kms-key.yaml'];
    const run = await runCli(['check', ...files]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'spec/fixtures/files/same-kms-key.yaml:4:5: kmsKeys[0].keyId: KMS key ' +
        '11111111-2222-3333-4444-555555555555 is already defined at fixtures/encryption.yaml:4:5',
    );
    expect(run.stderr).not.toContain('unexpected failure');
  });
});

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}
