import request from 'supertest';
import { parseFixture, FixtureError } from '../../src/fixtures';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, objectPath, signCos } from './object-support';

const FILENAME = 'attachment; filename="报告.txt"';

/** The UTF-8 text of a header as received (Node decodes header bytes one per character). */
const utf8 = (received: string | undefined) => Buffer.from(received ?? '', 'latin1').toString();

describe('header values beyond latin1 and control characters', () => {
  let t: TestEmulator;
  let Bucket: string;
  let host: string;
  beforeAll(async () => {
    t = await startTestEmulator({
      fixtures: {
        buckets: [
          {
            name: 'unicode-1250000000',
            region: REGION,
            objects: [
              {
                key: 'seeded.txt',
                body: 'seeded',
                contentType: 'text/plain; name="数据"',
                contentDisposition: FILENAME,
                metadata: { owner: '张三' },
              },
            ],
          },
        ],
      },
    });
    Bucket = await t.createBucket('unicode');
    host = bucketHost(Bucket);
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'doc.txt', Body: 'doc' });
  });
  afterAll(() => t.stop());

  const signedGet = (bucketHostName: string, key: string, query: Record<string, string>) => {
    const search = new URLSearchParams(query).toString();
    return request(t.emulator.url)
      .get(`${objectPath(key)}?${search}`)
      .set('Host', bucketHostName)
      .set('Authorization', signCos(t, 'GET', key, {}, query));
  };

  it('sends a Chinese response-content-disposition as its UTF-8 bytes', async () => {
    const response = await signedGet(host, 'doc.txt', {
      'response-content-disposition': FILENAME,
    });
    expect(response.status).toBe(200);
    expect(utf8(response.headers['content-disposition'])).toBe(FILENAME);
  });

  it('refuses a response-* override with CR/LF with 400 InvalidArgument', async () => {
    const response = await signedGet(host, 'doc.txt', {
      'response-content-type': 'text/plain\r\nSet-Cookie: a=b',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidArgument</Code>');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  function postForm(fields: Record<string, string>) {
    let form = request(t.emulator.url).post('/').set('Host', host);
    for (const [name, value] of Object.entries(fields)) form = form.field(name, value);
    return form.attach('file', Buffer.from('form bytes'), 'f.bin');
  }

  it('stores Chinese form fields as UTF-8 headers that later GETs answer', async () => {
    // Signatures are checked elsewhere; this bucket's ACL lets the unsigned form in.
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read-write' });
    const posted = await postForm({
      key: 'form.txt',
      'Content-Disposition': FILENAME,
      'x-cos-meta-owner': '张三',
    });
    expect(posted.status).toBe(204);

    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'form.txt' });
    expect(got.Body.toString()).toBe('form bytes');
    expect(utf8(got.headers!['content-disposition'])).toBe(FILENAME);
    expect(utf8(got.headers!['x-cos-meta-owner'])).toBe('张三');
  });

  it('refuses a form field with CR/LF with 400 InvalidArgument and stores nothing', async () => {
    await t.cos.putBucketAcl({ Bucket, Region: REGION, ACL: 'public-read-write' });
    const posted = await postForm({ key: 'crlf.txt', 'x-cos-meta-a': 'one\r\ntwo' });
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('<Code>InvalidArgument</Code>');
    const head = await request(t.emulator.url).head('/crlf.txt').set('Host', host);
    expect(head.status).toBe(404);
  });

  it('serves fixture metadata and content headers in Chinese as UTF-8', async () => {
    const got = await t.cos.getObject({
      Bucket: 'unicode-1250000000',
      Region: REGION,
      Key: 'seeded.txt',
    });
    expect(got.Body.toString()).toBe('seeded');
    expect(utf8(got.headers!['content-type'])).toBe('text/plain; name="数据"');
    expect(utf8(got.headers!['content-disposition'])).toBe(FILENAME);
    expect(utf8(got.headers!['x-cos-meta-owner'])).toBe('张三');
  });

  it('refuses a fixture whose headers hold control characters', () => {
    const text = [
      'buckets:',
      '  - name: examplebucket-1250000000',
      '    region: ap-guangzhou',
      '    objects:',
      '      - key: a.txt',
      '        contentDisposition: "a\\r\\nb"',
      '        metadata:',
      '          owner: "x\\ny"',
    ].join('\n');
    let error: unknown;
    try {
      parseFixture(text, 'bad.yaml', __dirname);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FixtureError);
    const messages = (error as FixtureError).messages.join('\n');
    expect(messages).toContain('contentDisposition: contains control characters');
    expect(messages).toContain('metadata: contains control characters');
  });
});
