import net from 'net';
import request from 'supertest';
import { bucketHost } from '../objects/object-support';
import { startTestEmulator, TestEmulator } from '../support/emulator';

/** Clients that go away mid-request: nothing is stored, nothing answered, no bug logged. */
describe('client aborts', () => {
  let t: TestEmulator;
  let host: string;
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];

  /** Resolves with the first log line (past or future) that matches. */
  const logLine = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) resolve(seen);
      else waiters.push({ pattern, resolve });
    });

  beforeAll(async () => {
    t = await startTestEmulator({
      auth: 'off',
      logLevel: 'debug',
      logWriter: (line) => {
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.pattern.test(line))) waiter.resolve(line);
      },
    });
    host = bucketHost(await t.createBucket('abort'));
  });
  afterAll(() => t.stop());

  /** Sends the head and part of a declared body, then resets the connection. */
  function abortUpload(method: string, path: string, declared: number, sent: number) {
    return new Promise<void>((resolve) => {
      const socket = net.connect(t.emulator.port, '127.0.0.1', () => {
        socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n`);
        socket.write(`Content-Length: ${declared}\r\n\r\n`);
        socket.write(Buffer.alloc(sent, 'n'), () => {
          socket.resetAndDestroy();
          resolve();
        });
      });
    });
  }

  it('stores nothing for an upload aborted midway', async () => {
    await abortUpload('PUT', '/fresh.bin', 1024 * 1024, 64 * 1024);
    const access = await logLine(/PUT \S+\/fresh\.bin PutObject aborted/);
    expect(access).toContain('INFO');
    const head = await request(t.emulator.url).head('/fresh.bin').set('Host', host);
    expect(head.status).toBe(404);
  });

  it('keeps the previous object when an overwrite is aborted midway', async () => {
    await request(t.emulator.url).put('/kept.txt').set('Host', host).send('previous').expect(200);
    await abortUpload('PUT', '/kept.txt', 1024 * 1024, 64 * 1024);
    await logLine(/PUT \S+\/kept\.txt PutObject aborted/);
    const get = await request(t.emulator.url).get('/kept.txt').set('Host', host);
    expect(get.status).toBe(200);
    expect(get.text).toBe('previous');
  });

  it('treats a download cut short as a client abort, not a bug', async () => {
    const size = 32 * 1024 * 1024;
    const put = request(t.emulator.url).put('/large.bin').set('Host', host);
    await put.send(Buffer.alloc(size, 'l')).expect(200);

    await new Promise<void>((resolve) => {
      const socket = net.connect(t.emulator.port, '127.0.0.1', () =>
        socket.write(`GET /large.bin HTTP/1.1\r\nHost: ${host}\r\n\r\n`),
      );
      socket.once('data', () => {
        socket.resetAndDestroy();
        resolve();
      });
    });
    await logLine(/GET \S+\/large\.bin GetObject aborted/);
    expect(lines.filter((line) => line.includes(' BUG: '))).toEqual([]);
    expect(lines.some((line) => / DEBUG .*client closed the connection/.test(line))).toBe(true);
  });
});
