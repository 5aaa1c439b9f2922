import { createHash } from 'crypto';
import { crc64 } from '../../src/core/checksums/crc64';
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, copySource, raw, rejectionOf, signCos } from '../objects/object-support';
import { MB, md5Hex, multipartEtag, randomParts, uploadParts } from './multipart-support';

describe('multipart upload through cos-nodejs-sdk-v5', () => {
  let t: TestEmulator;
  let Bucket: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    Bucket = await t.createBucket('multipart');
  });
  afterAll(() => t.stop());

  it('assembles the parts into one object with the multipart ETag and whole CRC64', async () => {
    const parts = randomParts(MB, MB, 1000);
    const init = await t.cos.multipartInit({
      Bucket,
      Region: REGION,
      Key: 'big.bin',
      ContentType: 'text/plain',
      'x-cos-meta-colour': 'red',
    } as any);
    expect(init.UploadId).toBeTruthy();
    const etags: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = await t.cos.multipartUpload({
        Bucket,
        Region: REGION,
        Key: 'big.bin',
        UploadId: init.UploadId,
        PartNumber: i + 1,
        Body: parts[i],
      });
      expect(part.ETag).toBe(`"${md5Hex(parts[i])}"`);
      expect(part.headers!['x-cos-hash-crc64ecma']).toBe(crc64(parts[i]));
      etags.push(part.ETag);
    }
    const done = await t.cos.multipartComplete({
      Bucket,
      Region: REGION,
      Key: 'big.bin',
      UploadId: init.UploadId,
      Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })),
    });
    const whole = Buffer.concat(parts);
    expect(done.ETag).toBe(multipartEtag(parts));
    expect(done.headers!['x-cos-hash-crc64ecma']).toBe(crc64(whole));
    expect(done.headers!['x-cos-version-id']).toBeUndefined();

    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'big.bin' });
    expect(md5Hex(got.Body)).toBe(md5Hex(whole));
    expect(got.headers!['content-type']).toBe('text/plain');
    expect(got.headers!['x-cos-meta-colour']).toBe('red');
    expect(got.headers!['x-cos-hash-crc64ecma']).toBe(crc64(whole));
    expect(got.ETag).toBe(multipartEtag(parts));
    const ranged = await t.cos.getObject({
      Bucket,
      Region: REGION,
      Key: 'big.bin',
      Range: `bytes=${MB - 2}-${MB + 1}`,
    });
    expect(ranged.Body).toEqual(whole.subarray(MB - 2, MB + 2));

    const uploads = (await t.cos.multipartList({
      Bucket,
      Region: REGION,
      Prefix: 'big.bin',
    } as any)) as any;
    expect(uploads.Upload).toEqual([]);
  });

  it('overwrites a part uploaded twice and lists parts page by page', async () => {
    const [first, second, replacement] = randomParts(MB, 10, MB);
    const { UploadId } = await uploadParts(t, Bucket, 'relist', [first, second]);
    await t.cos.multipartUpload({
      Bucket,
      Region: REGION,
      Key: 'relist',
      UploadId,
      PartNumber: 1,
      Body: replacement,
    });
    const page = (await t.cos.multipartListPart({
      Bucket,
      Region: REGION,
      Key: 'relist',
      UploadId,
      MaxParts: 1,
    } as any)) as any;
    expect(page.Part).toHaveLength(1);
    expect(page.Part[0]).toMatchObject({
      PartNumber: '1',
      ETag: `"${md5Hex(replacement)}"`,
      Size: String(MB),
    });
    expect(page.IsTruncated).toBe('true');
    expect(page.NextPartNumberMarker).toBe('1');
    expect(page.StorageClass).toBe('STANDARD');
    expect(page.Owner.ID).toMatch(/^qcs::cam::uin\//);
    expect(page.Initiator.ID).toMatch(/^qcs::cam::uin\//);
    const rest = (await t.cos.multipartListPart({
      Bucket,
      Region: REGION,
      Key: 'relist',
      UploadId,
      PartNumberMarker: page.NextPartNumberMarker,
    } as any)) as any;
    expect(rest.Part.map((p: any) => p.PartNumber)).toEqual(['2']);
    expect(rest.IsTruncated).toBe('false');
    await t.cos.multipartAbort({ Bucket, Region: REGION, Key: 'relist', UploadId });
  });

  it('lists uploads by key then initiation, with StorageClass, and pages them', async () => {
    const listBucket = await t.createBucket('uploads');
    const a1 = await t.cos.multipartInit({ Bucket: listBucket, Region: REGION, Key: 'a' });
    const b = await t.cos.multipartInit({
      Bucket: listBucket,
      Region: REGION,
      Key: 'b',
      StorageClass: 'STANDARD_IA',
    });
    const a2 = await t.cos.multipartInit({ Bucket: listBucket, Region: REGION, Key: 'a' });
    await t.cos.multipartInit({ Bucket: listBucket, Region: REGION, Key: 'dir/c' });

    const all = (await t.cos.multipartList({
      Bucket: listBucket,
      Region: REGION,
      Delimiter: '/',
    } as any)) as any;
    expect(all.Upload.map((u: any) => u.UploadId)).toEqual([a1.UploadId, a2.UploadId, b.UploadId]);
    const classes = all.Upload.map((u: any) => u.StorageClass);
    expect(classes).toEqual(['STANDARD', 'STANDARD', 'STANDARD_IA']);
    expect([].concat(all.CommonPrefixes).map((p: any) => p.Prefix)).toEqual(['dir/']);
    expect(all.Upload[0].Initiated).toMatch(/\.\d{3}Z$/);

    const first = (await t.cos.multipartList({
      Bucket: listBucket,
      Region: REGION,
      MaxUploads: 1,
    } as any)) as any;
    expect(first.IsTruncated).toBe('true');
    expect(first).toMatchObject({ NextKeyMarker: 'a', NextUploadIdMarker: a1.UploadId });
    const second = (await t.cos.multipartList({
      Bucket: listBucket,
      Region: REGION,
      MaxUploads: 2,
      KeyMarker: first.NextKeyMarker,
      UploadIdMarker: first.NextUploadIdMarker,
    } as any)) as any;
    expect(second.Upload.map((u: any) => u.UploadId)).toEqual([a2.UploadId, b.UploadId]);
  });

  it('aborts an upload: 204, then NoSuchUpload for its parts and a second abort', async () => {
    const { UploadId } = await uploadParts(t, Bucket, 'aborted', randomParts(100));
    const aborted = await t.cos.multipartAbort({
      Bucket,
      Region: REGION,
      Key: 'aborted',
      UploadId,
    });
    expect(aborted.statusCode).toBe(204);
    const again = await rejectionOf(
      t.cos.multipartAbort({ Bucket, Region: REGION, Key: 'aborted', UploadId }),
    );
    expect(again.code).toBe('NoSuchUpload');
    const part = await rejectionOf(
      t.cos.multipartUpload({
        Bucket,
        Region: REGION,
        Key: 'aborted',
        UploadId,
        PartNumber: 1,
        Body: 'x',
      }),
    );
    expect(part.code).toBe('NoSuchUpload');
    const otherKey = await uploadParts(t, Bucket, 'mine', []);
    const wrongKey = await rejectionOf(
      t.cos.multipartListPart({
        Bucket,
        Region: REGION,
        Key: 'not-mine',
        UploadId: otherKey.UploadId,
      }),
    );
    expect(wrongKey.code).toBe('NoSuchUpload');
  });

  it('answers InvalidArgument outside parts 1..10000 and BadDigest on a wrong MD5', async () => {
    const { UploadId } = await uploadParts(t, Bucket, 'numbers', []);
    for (const PartNumber of [0, 10001]) {
      const error = await rejectionOf(
        t.cos.multipartUpload({
          Bucket,
          Region: REGION,
          Key: 'numbers',
          UploadId,
          PartNumber,
          Body: 'x',
        }),
      );
      expect(error.code).toBe('InvalidArgument');
    }
    const digest = await rejectionOf(
      t.cos.multipartUpload({
        Bucket,
        Region: REGION,
        Key: 'numbers',
        UploadId,
        PartNumber: 1,
        Body: 'x',
        ContentMD5: createHash('md5').update('y').digest('base64'),
      } as any),
    );
    expect(digest.code).toBe('BadDigest');
  });

  it('copies ranges of an object into parts with uploadPartCopy', async () => {
    const source = randomParts(2 * MB + 5)[0];
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'copy-src', Body: source });
    const init = await t.cos.multipartInit({ Bucket, Region: REGION, Key: 'copy-dst' });
    const ranges = [
      [0, MB - 1],
      [MB, 2 * MB + 4],
    ];
    const etags: string[] = [];
    for (let i = 0; i < ranges.length; i++) {
      const copied = (await t.cos.uploadPartCopy({
        Bucket,
        Region: REGION,
        Key: 'copy-dst',
        UploadId: init.UploadId,
        PartNumber: i + 1,
        CopySource: copySource(Bucket, 'copy-src'),
        CopySourceRange: `bytes=${ranges[i][0]}-${ranges[i][1]}`,
      } as any)) as any;
      expect(copied.ETag).toBe(`"${md5Hex(source.subarray(ranges[i][0], ranges[i][1] + 1))}"`);
      expect(copied.LastModified).toBeTruthy();
      etags.push(copied.ETag);
    }
    await t.cos.multipartComplete({
      Bucket,
      Region: REGION,
      Key: 'copy-dst',
      UploadId: init.UploadId,
      Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })),
    });
    const got = await t.cos.getObject({ Bucket, Region: REGION, Key: 'copy-dst' });
    expect(md5Hex(got.Body)).toBe(md5Hex(source));

    const other = await uploadParts(t, Bucket, 'copy-dst2', []);
    const badRange = await rejectionOf(
      t.cos.uploadPartCopy({
        Bucket,
        Region: REGION,
        Key: 'copy-dst2',
        UploadId: other.UploadId,
        PartNumber: 1,
        CopySource: copySource(Bucket, 'copy-src'),
        CopySourceRange: 'bytes=5-1',
      } as any),
    );
    expect(badRange.code).toBe('InvalidArgument');
  });

  it('stores all parts of an upload under the bucket default fixed at Initiate', async () => {
    const encrypted = await t.createBucket('sse');
    await t.cos.putBucketEncryption({
      Bucket: encrypted,
      Region: REGION,
      ServerSideEncryptionConfiguration: {
        Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    } as any);
    const parts = randomParts(MB, 300);
    const init = await t.cos.multipartInit({ Bucket: encrypted, Region: REGION, Key: 'e' });
    expect(init.headers!['x-cos-server-side-encryption']).toBe('AES256');
    await t.cos.deleteBucketEncryption({ Bucket: encrypted, Region: REGION });
    const etags: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const uploaded = await t.cos.multipartUpload({
        Bucket: encrypted,
        Region: REGION,
        Key: 'e',
        UploadId: init.UploadId,
        PartNumber: i + 1,
        Body: parts[i],
        ServerSideEncryption: 'AES256',
      } as any);
      expect(uploaded.ETag).toBe(`"${md5Hex(parts[i])}"`);
      etags.push(uploaded.ETag);
    }
    const done = await t.cos.multipartComplete({
      Bucket: encrypted,
      Region: REGION,
      Key: 'e',
      UploadId: init.UploadId,
      Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })),
    });
    expect(done.ETag).toBe(multipartEtag(parts));
    expect(done.headers!['x-cos-hash-crc64ecma']).toBe(crc64(Buffer.concat(parts)));
    const got = await t.cos.getObject({ Bucket: encrypted, Region: REGION, Key: 'e' });
    expect(got.headers!['x-cos-server-side-encryption']).toBe('AES256');
    expect(md5Hex(got.Body)).toBe(md5Hex(Buffer.concat(parts)));
  });

  it('frees the bytes of replaced parts, parts not completed and aborted uploads', async () => {
    const own = await startTestEmulator();
    try {
      const b = await own.createBucket('bytes');
      const live = () => own.emulator.service.blobs.stats().liveBytes;
      const [p1, p2, again, extra] = randomParts(MB, 1000, MB, 500);
      const { UploadId } = await uploadParts(own, b, 'k', [p1, p2]);
      expect(live()).toBe(MB + 1000);
      const replaced = await own.cos.multipartUpload({
        Bucket: b,
        Region: REGION,
        Key: 'k',
        UploadId,
        PartNumber: 1,
        Body: again,
      });
      const unused = await own.cos.multipartUpload({
        Bucket: b,
        Region: REGION,
        Key: 'k',
        UploadId,
        PartNumber: 3,
        Body: extra,
      });
      expect(unused.ETag).toBeTruthy();
      expect(live()).toBe(MB + 1000 + 500);
      await own.cos.multipartComplete({
        Bucket: b,
        Region: REGION,
        Key: 'k',
        UploadId,
        Parts: [
          { PartNumber: 1, ETag: replaced.ETag },
          { PartNumber: 2, ETag: `"${md5Hex(p2)}"` },
        ],
      });
      expect(live()).toBe(MB + 1000);

      const aborted = await uploadParts(own, b, 'other', [extra]);
      expect(live()).toBe(MB + 1000 + 500);
      await own.cos.multipartAbort({
        Bucket: b,
        Region: REGION,
        Key: 'other',
        UploadId: aborted.UploadId,
      });
      expect(live()).toBe(MB + 1000);
      await own.cos.deleteObject({ Bucket: b, Region: REGION, Key: 'k' });
      expect(live()).toBe(0);
    } finally {
      await own.stop();
    }
  });

  it('sends x-cos-version-id null on Complete when versioning is Suspended', async () => {
    const suspended = await t.createBucket('suspend');
    await t.cos.putBucketVersioning({
      Bucket: suspended,
      Region: REGION,
      VersioningConfiguration: { Status: 'Suspended' },
    });
    const { UploadId, etags } = await uploadParts(t, suspended, 'k', randomParts(10));
    const done = await t.cos.multipartComplete({
      Bucket: suspended,
      Region: REGION,
      Key: 'k',
      UploadId,
      Parts: [{ PartNumber: 1, ETag: etags[0] }],
    });
    expect(done.headers!['x-cos-version-id']).toBe('null');
  });

  describe('Complete with a body that does not fit the parts', () => {
    let UploadId: string;
    let etags: string[];
    const key = 'checked';
    beforeAll(async () => {
      ({ UploadId, etags } = await uploadParts(t, Bucket, key, randomParts(MB, 100, MB, 5)));
    });

    async function complete(body: string) {
      const query = { uploadId: UploadId };
      return raw(t)
        .post(`/${key}?uploadId=${UploadId}`)
        .set('Host', bucketHost(Bucket))
        .set('Content-Type', 'application/xml')
        .set('Authorization', signCos(t, 'POST', `/${key}`, {}, query))
        .send(body);
    }
    const part = (n: number, etag: string) =>
      `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`;
    const codeOf = (text: string) => /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const completion = (...parts: string[]) =>
      `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`;

    it('answers InvalidPart for a part never uploaded or a wrong ETag', async () => {
      const missing = await complete(completion(part(9, '"x"')));
      expect([missing.status, codeOf(missing.text)]).toEqual([400, 'InvalidPart']);
      const wrong = await complete(completion(part(1, '"00"')));
      expect(codeOf(wrong.text)).toBe('InvalidPart');
    });

    it('answers InvalidPart for part numbers that are not consecutive', async () => {
      const gap = await complete(completion(part(1, etags[0]), part(3, etags[2])));
      expect(codeOf(gap.text)).toBe('InvalidPart');
    });

    it('answers InvalidPartOrder for parts out of order', async () => {
      const unordered = await complete(completion(part(2, etags[1]), part(1, etags[0])));
      expect(codeOf(unordered.text)).toBe('InvalidPartOrder');
    });

    it('answers EntityTooSmall when a part other than the last is under 1 MB', async () => {
      const small = await complete(completion(part(2, etags[1]), part(3, etags[2])));
      expect([small.status, codeOf(small.text)]).toEqual([400, 'EntityTooSmall']);
    });

    it('answers MalformedXML for unparsable bodies, no parts or a bad PartNumber', async () => {
      for (const body of [
        '<CompleteMultipartUpload><Part>',
        '<CompleteMultipartUpload></CompleteMultipartUpload>',
        completion(part(NaN, etags[0])),
        `<CompleteMultipartUpload><Part><ETag>${etags[0]}</ETag></Part></CompleteMultipartUpload>`,
        '<Other/>',
      ]) {
        const response = await complete(body);
        expect([response.status, codeOf(response.text)]).toEqual([400, 'MalformedXML']);
      }
    });

    it('accepts bare and &quot;-escaped ETags, then the upload is gone', async () => {
      const bare = etags[0].replace(/"/g, '');
      const escaped = etags[1].replace(/"/g, '&quot;');
      const done = await complete(completion(part(1, bare), part(2, escaped)));
      expect(done.status).toBe(200);
      expect(done.text).toContain('<CompleteMultipartUploadResult>');
      expect(done.text).toContain(`<Location>${bucketHost(Bucket)}/${key}</Location>`);
      const head = await t.cos.headObject({ Bucket, Region: REGION, Key: key });
      expect(head.headers!['content-length']).toBe(String(MB + 100));
      const gone = await complete(completion(part(1, bare)));
      expect([gone.status, codeOf(gone.text)]).toEqual([404, 'NoSuchUpload']);
    });
  });
});
