import request from 'supertest';
import { bucketHost } from '../objects/object-support';
import { startTestEmulator, TestEmulator } from '../support/emulator';

const nested = (depth: number) =>
  '<Tagging><TagSet>' + '<a>'.repeat(depth) + '</a>'.repeat(depth) + '</TagSet></Tagging>';

/** Hostile nesting in a configuration body is MalformedXML, never a stack overflow (500). */
describe('XML nesting depth', () => {
  let t: TestEmulator;
  let host: string;
  beforeAll(async () => {
    t = await startTestEmulator({ auth: 'off' });
    host = bucketHost(await t.createBucket('xmldepth'));
  });
  afterAll(() => t.stop());

  const putTagging = (body: string) =>
    request(t.emulator.url).put('/?tagging').set('Host', host).send(body);

  it.each([70, 5_000, 100_000])(
    'answers %i nested elements with 400 MalformedXML',
    async (depth) => {
      const response = await putTagging(nested(depth));
      expect(response.status).toBe(400);
      expect(response.text).toContain('<Code>MalformedXML</Code>');
    },
  );

  it('still accepts an ordinary document with comments and CDATA', async () => {
    const body =
      '<Tagging><!-- <a><a><a> --><TagSet><Tag><Key>k</Key>' +
      '<Value><![CDATA[<b><b><b>]]></Value></Tag></TagSet></Tagging>';
    expect((await putTagging(body)).status).toBe(200);
  });
});
