import request from 'supertest';
import { startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost } from './object-support';

/** Raw requests with odd headers; signatures are off so that only the object logic answers. */
describe('object operations given malformed input', () => {
  let t: TestEmulator;
  let host: string;
  beforeAll(async () => {
    t = await startTestEmulator({ auth: 'off' });
    const bucket = await t.createBucket('odd');
    host = bucketHost(bucket);
    await request(t.emulator.url).put('/obj').set('Host', host).send('0123456789').expect(200);
  });
  afterAll(() => t.stop());

  const get = (headers: Record<string, string>, path = '/obj') => {
    const call = request(t.emulator.url).get(path).set('Host', host);
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call;
  };

  it.each([
    ['Range', 'bytes'],
    ['Range', 'bytes=--1'],
    ['Range', 'bytes=1-2-3'],
    ['If-Modified-Since', 'Thu, 99 Foo 20xx'],
    ['If-Unmodified-Since', '-1'],
    ['If-Unmodified-Since', '2001'],
    ['If-Match', ''],
    ['If-None-Match', ','],
  ])('answers 200 with the whole object to %s: %s', async (name, value) => {
    const response = await get({ [name]: value });
    expect(response.status).toBe(200);
    expect(response.text).toBe('0123456789');
  });

  it('answers a versionId that does not exist with 404 NoSuchVersion', async () => {
    const response = await get({}, '/obj?versionId=%ZZ%');
    expect(response.status).toBe(404);
    expect(response.text).toContain('<Code>NoSuchVersion</Code>');
  });

  it.each([
    ['x-cos-copy-source', '%%%'],
    ['x-cos-copy-source', '/'],
    ['x-cos-copy-source', 'a.cos.b.myqcloud.com/k'],
    ['x-amz-copy-source', '??versionId='],
  ])('answers 400 InvalidCopySource to %s: %s', async (name, value) => {
    const response = await request(t.emulator.url)
      .put('/dest')
      .set('Host', host)
      .set(name, value)
      .send('');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidCopySource</Code>');
  });

  it.each([
    ['x-cos-metadata-directive', 'Sometimes', 'InvalidArgument'],
    ['x-cos-tagging-directive', 'Maybe', 'InvalidArgument'],
    ['x-cos-copy-source-If-Match', '"nope"', 'PreconditionFailed'],
  ])('answers a copy with %s: %s with %s', async (name, value, code) => {
    const source = `${host}/obj`;
    const response = await request(t.emulator.url)
      .put('/dest')
      .set('Host', host)
      .set('x-cos-copy-source', source)
      .set(name, value)
      .send('');
    expect(response.text).toContain(`<Code>${code}</Code>`);
  });

  it('answers 400 InvalidTag to x-cos-tagging with a broken escape, storing nothing', async () => {
    const response = await request(t.emulator.url)
      .put('/tagged')
      .set('Host', host)
      .set('x-cos-tagging', 'a=%E0%A4%A')
      .send('x');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidTag</Code>');
    const head = await request(t.emulator.url).head('/tagged').set('Host', host);
    expect(head.status).toBe(404);
  });

  it('answers 416 to a range past the end with Content-Range bytes */10', async () => {
    const response = await get({ Range: 'bytes=10-11' });
    expect(response.status).toBe(416);
    expect(response.headers['content-range']).toBe('bytes */10');
    expect(response.text).toContain('<Code>InvalidRange</Code>');
  });

  it('answers HEAD errors with a status and no body', async () => {
    const response = await request(t.emulator.url)
      .head('/obj')
      .set('Host', host)
      .set('If-Match', '"nope"');
    expect(response.status).toBe(412);
    expect(response.text ?? '').toBe('');
  });
});
