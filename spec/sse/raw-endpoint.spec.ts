import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { firstPlaintextWindow, randomBody, rawAtRest, setBucketDefault } from './sse-support';

/** `GET /_emulator/raw?bucket=&key=[&versionId=]`: stored bytes and how they are protected. */
describe('the raw (at rest) inspection endpoint', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const rawUrl = (params: Record<string, string>) =>
    `${t.emulator.url}/_emulator/raw?${new URLSearchParams(params)}`;

  it('shows each version of a versioned key as stored: plaintext, then encrypted', async () => {
    const Bucket = await t.createBucket();
    await t.cos.putBucketVersioning({
      Bucket,
      Region: REGION,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    const [first, second] = [randomBody(500), randomBody(600)];
    const put = (Body: Buffer) => t.cos.putObject({ Bucket, Region: REGION, Key: 'v', Body });
    const plainVersion = (await put(first)).VersionId!;
    await setBucketDefault(t, Bucket, REGION, 'AES256');
    const encryptedVersion = (await put(second)).VersionId!;
    expect(plainVersion).not.toBe(encryptedVersion);

    const plain = await rawAtRest(t, Bucket, 'v', plainVersion);
    expect(plain.status).toBe(200);
    expect(plain.sse).toBe('none');
    expect(Buffer.compare(plain.bytes, first)).toBe(0);
    const encrypted = await rawAtRest(t, Bucket, 'v', encryptedVersion);
    expect(encrypted.sse).toBe('SSE-COS');
    expect(firstPlaintextWindow(encrypted.bytes, second)).toBe(-1);
    expect((await rawAtRest(t, Bucket, 'v')).sse).toBe('SSE-COS');
  });

  it.each([
    ['bucket', { key: 'k' }],
    ['key', { bucket: 'b-1250000000' }],
  ])('answers 400 InvalidArgument without the %s parameter', async (_missing, params) => {
    const res = await fetch(rawUrl(params as Record<string, string>));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('InvalidArgument');
  });

  it('answers 404 NoSuchBucket and NoSuchKey for what does not exist', async () => {
    const Bucket = await t.createBucket();
    const noBucket = await rawAtRest(t, t.bucketName('absent'), 'k');
    expect(noBucket.status).toBe(404);
    expect(JSON.parse(noBucket.bytes.toString()).error).toBe('NoSuchBucket');
    const noKey = await rawAtRest(t, Bucket, 'absent');
    expect(noKey.status).toBe(404);
    expect(JSON.parse(noKey.bytes.toString()).error).toBe('NoSuchKey');
  });

  it('streams the stored bytes with their length, not the blob in one piece', async () => {
    const Bucket = await t.createBucket();
    const body = randomBody(3 * 1024 * 1024 + 5);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'big', Body: body });
    const readSync = jest.spyOn(t.emulator.service.blobs, 'readSync');
    try {
      const res = await fetch(rawUrl({ bucket: Bucket, key: 'big' }));
      expect(res.headers.get('content-length')).toBe(String(body.length));
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), body)).toBe(0);
      const largest = Math.max(0, ...readSync.mock.calls.map(([, start, end]) => end - start));
      expect(largest).toBeLessThan(body.length);
    } finally {
      readSync.mockRestore();
    }
  });
});
