import http from 'http';
import net from 'net';
import { Readable } from 'stream';
import request from 'supertest';
import { CosError } from '../../src/errors';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { ingest } from '../../src/storage/ingest';
import { bucketHost, rawHttp } from '../objects/object-support';
import { startTestEmulator, TestEmulator } from '../support/emulator';

interface Answer {
  status: number;
  text: string;
}

/** Sends `chunks` with chunked transfer encoding (no Content-Length) and reads the answer. */
function sendChunked(
  t: TestEmulator,
  method: string,
  path: string,
  host: string,
  chunks: Buffer[],
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: t.emulator.port, method, path, headers: { Host: host } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk) => parts.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }),
        );
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/** A refusal in the middle of a body is answered with the COS error, not a reset connection. */
describe('refusals in the middle of a request body', () => {
  let t: TestEmulator;
  let host: string;
  beforeAll(async () => {
    t = await startTestEmulator({ auth: 'off' });
    host = bucketHost(await t.createBucket('midbody'));
  });
  afterAll(() => t.stop());

  it('answers a chunked configuration body over 1 MB with 400 XMLSizeLimit', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 'x'));
    const answer = await sendChunked(t, 'PUT', '/?tagging', host, chunks);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>XMLSizeLimit</Code>');
  });

  it('refuses a declared Content-Length over 1 MB before reading the body', async () => {
    const response = await request(t.emulator.url)
      .put('/?cors')
      .set('Host', host)
      .send(Buffer.alloc(1024 * 1024 + 1, 'x'));
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>XMLSizeLimit</Code>');
  });

  it.each([
    ['PUT', '/huge.bin'],
    ['POST', '/huge.log?append&position=0'],
  ])('refuses %s %s declaring more than 5 GB with 400 EntityTooLarge', async (method, path) => {
    const head = [
      `${method} ${path} HTTP/1.1`,
      `Host: ${host}`,
      `Content-Length: ${6 * 1024 ** 3}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const answer = await rawHttp(t, head);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('<Code>EntityTooLarge</Code>');
  });

  it('closes a keep-alive connection after refusing a body too large to drain', async () => {
    // Without the close, Node would read all 6 GB the client declared before the next request.
    const head = [
      'PUT /huge-keepalive.bin HTTP/1.1',
      `Host: ${host}`,
      `Content-Length: ${6 * 1024 ** 3}`,
      '',
      '',
    ].join('\r\n');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(t.emulator.port, '127.0.0.1', () => socket.write(head));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('<Code>EntityTooLarge</Code>');
  }, 10_000);

  it('answers a form file over its content-length-range with 400 EntityTooLarge', async () => {
    const policy = {
      expiration: new Date(Date.now() + 60_000).toISOString(),
      conditions: [['content-length-range', 0, 1024]],
    };
    const response = await request(t.emulator.url)
      .post('/')
      .set('Host', host)
      .field('key', 'form.bin')
      .field('policy', Buffer.from(JSON.stringify(policy)).toString('base64'))
      .attach('file', Buffer.alloc(512 * 1024, 'x'), 'form.bin');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>EntityTooLarge</Code>');
    const head = await request(t.emulator.url).head('/form.bin').set('Host', host);
    expect(head.status).toBe(404);
  });

  it('drains the rest of a body ingest refuses instead of destroying it', async () => {
    const store = createBlobStore();
    const body = Readable.from([Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)], {
      objectMode: false,
    });
    const refusal = await ingest(store, body, { maxSize: 10 }).catch((error) => error);
    expect(refusal).toBeInstanceOf(CosError);
    expect((refusal as CosError).code).toBe('EntityTooLarge');
    expect(body.readableEnded).toBe(true);
    expect(store.stats().liveBytes).toBe(0);
  });
});
