import { readFileSync } from 'fs';
import path from 'path';
import request from 'supertest';
import COS = require('cos-nodejs-sdk-v5');
import { REGION, startTestEmulator, TestEmulator } from '../support/emulator';

const FIXTURE_YAML = [
  'buckets:',
  '  - name: seeded-1250000000',
  '    region: ap-guangzhou',
  '    objects:',
  '      - key: a.txt',
  '        body: from YAML',
].join('\n');

describe('control endpoints under /_emulator', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator({
      regions: [REGION],
      fixtures: { buckets: [{ name: 'startup-1250000000', region: REGION }] },
    });
  });
  afterEach(() => t.stop());

  it('GET /health answers status, version, regions and uptime', async () => {
    const res = await request(t.emulator.url).get('/_emulator/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      regions: [REGION],
      appId: '1250000000',
      uptimeSeconds: expect.any(Number),
    });
  });

  it('POST /reset wipes buckets and seeds the start-up fixtures again', async () => {
    const Bucket = await t.createBucket('scratch');
    await request(t.emulator.url).post('/_emulator/reset').expect(200);
    const names = t.emulator.service.listBuckets().map((bucket) => bucket.name);
    expect(names).toEqual(['startup-1250000000']);
    expect(names).not.toContain(Bucket);
  });

  it('POST /fixtures seeds a YAML body', async () => {
    await request(t.emulator.url)
      .post('/_emulator/fixtures')
      .set('Content-Type', 'application/yaml')
      .send(FIXTURE_YAML)
      .expect(200);
    const params = { Bucket: 'seeded-1250000000', Region: REGION, Key: 'a.txt' };
    const got = await t.cos.getObject(params);
    expect(got.Body.toString()).toBe('from YAML');
  });

  it('POST /fixtures seeds a JSON body', async () => {
    const bucket = { name: 'json-1250000000', region: REGION, versioning: 'Enabled' };
    const fixture = { buckets: [bucket] };
    await request(t.emulator.url).post('/_emulator/fixtures').send(fixture).expect(200);
    expect(t.emulator.service.findBucket('json-1250000000')?.versioning).toBe('Enabled');
  });

  it('POST /fixtures answers 400 with positioned messages for an invalid fixture', async () => {
    const res = await request(t.emulator.url)
      .post('/_emulator/fixtures')
      .set('Content-Type', 'text/yaml')
      .send('buckets:\n  - name: x-1250000000\n    region: ap-guangzhou\n    versioning: yes')
      .expect(400);
    expect(res.body).toEqual({
      error: 'InvalidFixture',
      messages: [
        '<request body>:4:17: buckets[0].versioning: expected one of Enabled, Suspended; got "yes"',
      ],
    });
    expect(t.emulator.service.findBucket('x-1250000000')).toBeUndefined();
  });

  it('POST /fixtures answers InvalidFixture when its KMS keys already exist', async () => {
    const yaml = readFileSync(path.join(__dirname, '../../fixtures/encryption.yaml'), 'utf8');
    await request(t.emulator.url).post('/_emulator/fixtures').send(yaml).expect(200);
    const keys = t.emulator.kms.listKeys().length;
    const res = await request(t.emulator.url).post('/_emulator/fixtures').send(yaml).expect(400);
    expect(res.body.error).toBe('InvalidFixture');
    expect(res.body.messages[0]).toMatch(
      /^<request body>:4:5: kmsKeys\[0\]\.keyId: KMS key 1111.* already exists in the emulator$/,
    );
    expect(t.emulator.kms.listKeys()).toHaveLength(keys);
  });

  it('POST /kms/keys/<id>/<action> decodes the key id once', async () => {
    const http = request(t.emulator.url);
    await http.post('/_emulator/kms/keys').send({ keyId: 'with%25percent' }).expect(200);
    const disabled = await http.post('/_emulator/kms/keys/with%2525percent/disable').expect(200);
    expect(disabled.body).toMatchObject({ KeyId: 'with%25percent', KeyState: 'Disabled' });
    const missing = await http.post('/_emulator/kms/keys/%25E0/enable').expect(404);
    expect(missing.body.error).toBe('KmsKeyNotExist');
  });

  it('POST /fixtures refuses bodyFile, which would read the emulator machine files', async () => {
    const yaml =
      'buckets:\n  - name: f-1250000000\n    region: ap-guangzhou\n    objects:\n' +
      '      - key: k\n        bodyFile: /etc/hostname\n';
    const res = await request(t.emulator.url).post('/_emulator/fixtures').send(yaml).expect(400);
    expect(res.body.messages[0]).toContain('bodyFile: is not allowed in a fixture sent over HTTP');
  });

  it('POST /clock moves time forward, so a presigned URL expires without waiting', async () => {
    const Bucket = await t.createBucket('clock');
    await t.cos.putObject({ Bucket, Region: REGION, Key: 'k', Body: 'v' });
    const url = t.cos.getObjectUrl({ Bucket, Region: REGION, Key: 'k', Sign: true, Expires: 60 });
    const path = new URL(url).pathname + new URL(url).search;
    const host = `${Bucket}.cos.${REGION}.myqcloud.com`;

    await request(t.emulator.url).get(path).set('Host', host).expect(200);
    const res = await request(t.emulator.url)
      .post('/_emulator/clock')
      .send({ advanceSeconds: 3600 })
      .expect(200);
    expect(res.body.offsetSeconds).toBe(3600);
    await request(t.emulator.url).get(path).set('Host', host).expect(403);
  });

  it('POST /clock refuses a body without advanceSeconds', async () => {
    const res = await request(t.emulator.url).post('/_emulator/clock').send({}).expect(400);
    expect(res.body.error).toBe('InvalidArgument');
  });

  it('answers 404 JSON for an unknown control endpoint', async () => {
    const res = await request(t.emulator.url).get('/_emulator/nothing').expect(404);
    expect(res.body.error).toBe('NotFound');
  });
});

describe('the programmatic handle', () => {
  it('keeps two emulators in one process apart', async () => {
    const a = await startTestEmulator();
    const b = await startTestEmulator();
    try {
      expect(a.emulator.port).not.toBe(b.emulator.port);
      const Bucket = await a.createBucket('only-in-a');
      await expect(b.cos.headBucket({ Bucket, Region: REGION })).rejects.toMatchObject({
        statusCode: 404,
      });
      await b.emulator.reset();
      const head = await a.cos.headBucket({ Bucket, Region: REGION });
      expect(head.statusCode).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('seed() adds fixtures to a running emulator, and reset() forgets them', async () => {
    const t = await startTestEmulator();
    try {
      await t.emulator.seed({ buckets: [{ name: 'later-1250000000', region: REGION }] });
      expect(t.emulator.service.findBucket('later-1250000000')).toBeDefined();
      await t.emulator.reset();
      expect(t.emulator.service.findBucket('later-1250000000')).toBeUndefined();
    } finally {
      await t.stop();
    }
  });

  it('takes AppId and regions from a start-up fixture when options leave them unset', async () => {
    const t = await startTestEmulator({
      fixtures: { appId: 1300000000, regions: ['ap-chengdu'] },
    });
    try {
      expect(t.emulator.appId).toBe('1300000000');
      expect(t.emulator.regions).toEqual(['ap-chengdu']);
    } finally {
      await t.stop();
    }
  });

  it('accepts only the configured key pairs when credentials are given', async () => {
    const pair = { secretId: 'AKIDOWNPAIR', secretKey: 'own-secret' };
    const t = await startTestEmulator({ credentials: [pair] });
    try {
      const other = new COS({
        ...t.emulator.cosOptions(),
        SecretId: 'AKIDCOSEMULATOR00000000000000000000',
        SecretKey: 'cos-emulator-secret-key-000000000',
      });
      await expect(other.getService({})).rejects.toMatchObject({ statusCode: 403 });
      const own = await t.cos.getService({});
      expect(own.statusCode).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
