import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';
import { bucketHost, loose, raw, rejectionOf, signCos } from './object-support';

describe('bucket versioning and versioned objects', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const setStatus = (Bucket: string, Status: 'Enabled' | 'Suspended') =>
    t.cos.putBucketVersioning({ Bucket, Region: REGION, VersioningConfiguration: { Status } });
  const getStatus = async (Bucket: string) =>
    (await t.cos.getBucketVersioning({ Bucket, Region: REGION })).VersioningConfiguration;

  /** A raw PUT /?versioning, signed, with the given body. */
  async function putVersioningXml(Bucket: string, body: string) {
    const host = bucketHost(Bucket);
    const authorization = signCos(t, 'PUT', '', { host }, { versioning: '' });
    return raw(t)
      .put('/?versioning')
      .set('Host', host)
      .set('Authorization', authorization)
      .set('Content-Type', 'application/xml')
      .send(body);
  }

  describe('PUT and GET ?versioning', () => {
    it('answers an empty VersioningConfiguration for a bucket never versioned', async () => {
      const Bucket = await t.createBucket('ver');
      const host = bucketHost(Bucket);
      const authorization = signCos(t, 'GET', '', { host }, { versioning: '' });
      const response = await raw(t)
        .get('/?versioning')
        .set('Host', host)
        .set('Authorization', authorization);
      expect(response.status).toBe(200);
      expect(response.text).toMatch(/<VersioningConfiguration\s*\/>/);
      expect(await getStatus(Bucket)).toEqual({});
    });

    it('enables and suspends, and never goes back to unversioned', async () => {
      const Bucket = await t.createBucket('ver');
      await setStatus(Bucket, 'Enabled');
      expect(await getStatus(Bucket)).toEqual({ Status: 'Enabled' });
      await setStatus(Bucket, 'Suspended');
      expect(await getStatus(Bucket)).toEqual({ Status: 'Suspended' });
      const response = await putVersioningXml(
        Bucket,
        '<VersioningConfiguration><Status>Off</Status></VersioningConfiguration>',
      );
      expect(response.status).toBe(400);
      expect(response.text).toContain('<Code>InvalidArgument</Code>');
      expect(await getStatus(Bucket)).toEqual({ Status: 'Suspended' });
    });

    it.each([
      ['not xml at all'],
      ['<VersioningConfiguration><Status>Enabled</Status>'],
      ['<Other><Status>Enabled</Status></Other>'],
      ['<VersioningConfiguration></VersioningConfiguration>'],
    ])('answers 400 MalformedXML to the body %s', async (body) => {
      const Bucket = await t.createBucket('ver');
      const response = await putVersioningXml(Bucket, body);
      expect(response.status).toBe(400);
      expect(response.text).toContain('<Code>MalformedXML</Code>');
      expect(await getStatus(Bucket)).toEqual({});
    });
  });

  describe('objects in an Enabled bucket', () => {
    it('keeps every version readable by versionId, and the latest by default', async () => {
      const Bucket = await t.createBucket('ver');
      await setStatus(Bucket, 'Enabled');
      const v1 = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'one' });
      const v2 = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'two' });
      expect(v1.VersionId).not.toBe(v2.VersionId);

      const latest = await t.cos.getObject({ Bucket, Region: REGION, Key: 'k' });
      expect(latest.Body.toString()).toBe('two');
      expect(latest.VersionId).toBe(v2.VersionId);
      const byId = { Bucket, Region: REGION, Key: 'k', VersionId: v1.VersionId };
      const old = await t.cos.getObject(byId);
      expect(old.Body.toString()).toBe('one');
      const head = await loose(t.cos).headObject(byId);
      expect(head.headers!['x-cos-version-id']).toBe(v1.VersionId);
      expect(head.headers!['content-length']).toBe('3');
    });

    it('hides the key behind a delete marker: 404 with x-cos-delete-marker', async () => {
      const Bucket = await t.createBucket('ver');
      await setStatus(Bucket, 'Enabled');
      const v1 = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'one' });
      const deleted = await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'k' });
      expect(deleted.statusCode).toBe(204);
      expect(deleted.headers!['x-cos-delete-marker']).toBe('true');
      const markerId = deleted.headers!['x-cos-version-id'];
      expect(markerId).toMatch(/\S/);

      const error = await rejectionOf(t.cos.getObject({ Bucket, Region: REGION, Key: 'k' }));
      expect(error.statusCode).toBe(404);
      expect(error.code).toBe('NoSuchKey');
      expect(error.headers['x-cos-delete-marker']).toBe('true');
      const headError = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'k' }));
      expect(headError.statusCode).toBe(404);
      expect(headError.headers['x-cos-delete-marker']).toBe('true');

      const byId = { Bucket, Region: REGION, Key: 'k', VersionId: v1.VersionId };
      const old = await t.cos.getObject(byId);
      expect(old.Body.toString()).toBe('one');

      // Removing the marker by its id brings the object back.
      const removed = await loose(t.cos).deleteObject({
        Bucket,
        Region: REGION,
        Key: 'k',
        VersionId: markerId,
      });
      expect(removed.headers!['x-cos-delete-marker']).toBe('true');
      const back = await t.cos.getObject({ Bucket, Region: REGION, Key: 'k' });
      expect(back.Body.toString()).toBe('one');
    });

    it('deletes one version for good by versionId', async () => {
      const Bucket = await t.createBucket('ver');
      await setStatus(Bucket, 'Enabled');
      const v1 = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'one' });
      const v2 = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'two' });
      const removed = await loose(t.cos).deleteObject({
        Bucket,
        Region: REGION,
        Key: 'k',
        VersionId: v2.VersionId,
      });
      expect(removed.headers!['x-cos-version-id']).toBe(v2.VersionId);
      expect(removed.headers!['x-cos-delete-marker']).toBeUndefined();
      const latest = await t.cos.getObject({ Bucket, Region: REGION, Key: 'k' });
      expect(latest.VersionId).toBe(v1.VersionId);
      const gone = await rejectionOf(
        t.cos.getObject({ Bucket, Region: REGION, Key: 'k', VersionId: v2.VersionId }),
      );
      expect(gone.code).toBe('NoSuchVersion');
    });
  });

  describe('objects in a Suspended bucket', () => {
    it('writes the null version, replacing the previous null one, keeping older ids', async () => {
      const Bucket = await t.createBucket('ver');
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'unversioned' });
      await setStatus(Bucket, 'Enabled');
      const kept = await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'kept' });
      await setStatus(Bucket, 'Suspended');
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'null-1' });
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'null-2' });

      const latest = await t.cos.getObject({ Bucket, Region: REGION, Key: 'k' });
      expect(latest.Body.toString()).toBe('null-2');
      expect(latest.VersionId).toBe('null');
      const byNull = await t.cos.getObject({ Bucket, Region: REGION, Key: 'k', VersionId: 'null' });
      expect(byNull.Body.toString()).toBe('null-2');
      const older = await t.cos.getObject({
        Bucket,
        Region: REGION,
        Key: 'k',
        VersionId: kept.VersionId,
      });
      expect(older.Body.toString()).toBe('kept');
    });

    it('deletes with a null delete marker that replaces the null version', async () => {
      const Bucket = await t.createBucket('ver');
      await setStatus(Bucket, 'Suspended');
      await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'null' });
      const deleted = await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'k' });
      expect(deleted.headers!['x-cos-delete-marker']).toBe('true');
      expect(deleted.headers!['x-cos-version-id']).toBe('null');
      const error = await rejectionOf(
        t.cos.getObject({ Bucket, Region: REGION, Key: 'k', VersionId: 'null' }),
      );
      expect(error.statusCode).toBe(405);
    });
  });

  it('answers 204 to DELETE of a key that does not exist', async () => {
    const Bucket = await t.createBucket('ver');
    const deleted = await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'never-there' });
    expect(deleted.statusCode).toBe(204);
  });

  it('removes the object of an unversioned bucket without a marker', async () => {
    const Bucket = await t.createBucket('ver');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'x' });
    const deleted = await t.cos.deleteObject({ Bucket, Region: REGION, Key: 'k' });
    expect(deleted.headers!['x-cos-delete-marker']).toBeUndefined();
    const error = await rejectionOf(t.cos.headObject({ Bucket, Region: REGION, Key: 'k' }));
    expect(error.statusCode).toBe(404);
    expect(error.headers['x-cos-delete-marker']).toBeUndefined();
  });
});
