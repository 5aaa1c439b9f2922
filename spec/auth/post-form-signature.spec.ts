import { createHash, createHmac } from 'crypto';
import { verifyPostFormSignature } from '../../src/http/auth/post-form-signature';
import {
  cosErrorOf,
  minutesFrom,
  SECRET_ID,
  SECRET_KEY,
  settingsAt,
  signedAs,
} from './auth-support';
import { signer } from './sigv4-support';

const POLICY_JSON = JSON.stringify({
  expiration: '2030-01-01T00:00:00.000Z',
  conditions: [{ bucket: 'examplebucket-1250000000' }, ['starts-with', '$key', 'uploads/']],
});
const POLICY = Buffer.from(POLICY_JSON).toString('base64');

/** The COS form fields as a browser page builds them from the documented recipe (2.6). */
function cosForm(keyTime: string, secretKey = SECRET_KEY): Record<string, string> {
  const signKey = createHmac('sha1', secretKey).update(keyTime).digest('hex');
  const stringToSign = createHash('sha1').update(POLICY_JSON).digest('hex');
  return {
    key: 'uploads/${filename}',
    policy: POLICY,
    'q-sign-algorithm': 'sha1',
    'q-ak': SECRET_ID,
    'q-key-time': keyTime,
    'q-signature': createHmac('sha1', signKey).update(stringToSign).digest('hex'),
  };
}

function keyTimeAround(now: Date, fromSeconds: number, toSeconds: number): string {
  const seconds = Math.floor(now.getTime() / 1000);
  return `${seconds + fromSeconds};${seconds + toSeconds}`;
}

/** The AWS form fields, signed by @smithy/signature-v4's string signer. */
async function awsForm(now: Date): Promise<Record<string, string>> {
  const longDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const signature = await signer().sign(POLICY, { signingDate: now });
  return {
    key: 'uploads/a.txt',
    Policy: POLICY,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${SECRET_ID}/${longDate.slice(0, 8)}/ap-guangzhou/s3/aws4_request`,
    'X-Amz-Date': longDate,
    'X-Amz-Signature': signature,
  };
}

describe('POST Object form signatures', () => {
  const now = new Date();

  it('accepts a COS form signed over the decoded policy JSON', () => {
    const form = cosForm(keyTimeAround(now, -1, 900));
    expect(verifyPostFormSignature(form, settingsAt(now))).toEqual(signedAs(SECRET_ID));
  });

  it('returns SignatureDoesNotMatch with the hashed policy when the policy was altered', () => {
    const form = cosForm(keyTimeAround(now, -1, 900));
    const altered = POLICY_JSON.replace('uploads/', 'anything/');
    form.policy = Buffer.from(altered).toString('base64');
    const error = cosErrorOf(() => verifyPostFormSignature(form, settingsAt(now)));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.details.Policy).toBe(altered);
    expect(JSON.stringify(error.details)).not.toContain(SECRET_KEY);
  });

  it('returns AccessDenied "Request has expired" after q-key-time ends', () => {
    const form = cosForm(keyTimeAround(now, -1, 900));
    const error = cosErrorOf(() => verifyPostFormSignature(form, settingsAt(minutesFrom(now, 16))));
    expect([error.code, error.message]).toEqual(['AccessDenied', 'Request has expired']);
  });

  it('returns InvalidAccessKeyId for an unknown q-ak', () => {
    const form = { ...cosForm(keyTimeAround(now, -1, 900)), 'q-ak': 'AKIDNOBODY' };
    expect(cosErrorOf(() => verifyPostFormSignature(form, settingsAt(now))).code).toBe(
      'InvalidAccessKeyId',
    );
  });

  it('returns AccessDenied for a signed form without a policy', () => {
    const { policy: _policy, ...form } = cosForm(keyTimeAround(now, -1, 900));
    const error = cosErrorOf(() => verifyPostFormSignature(form, settingsAt(now)));
    expect([error.code, error.message]).toEqual([
      'AccessDenied',
      'Malformed authorization: a signed form needs a policy field',
    ]);
  });

  it('accepts an AWS form signed over the base64 policy, field names in any case', async () => {
    const form = await awsForm(now);
    expect(verifyPostFormSignature(form, settingsAt(now))).toEqual(signedAs(SECRET_ID));
  });

  it('returns SignatureDoesNotMatch for an AWS form signed for another policy', async () => {
    const form = { ...(await awsForm(now)), Policy: Buffer.from('{}').toString('base64') };
    const error = cosErrorOf(() => verifyPostFormSignature(form, settingsAt(now)));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('returns anonymous for a form with no signature fields', () => {
    const form = { key: 'uploads/a.txt', 'Content-Type': 'text/plain' };
    expect(verifyPostFormSignature(form, settingsAt(now))).toEqual({ kind: 'anonymous' });
  });

  it('accepts a wrong signature in off mode, keeping the SecretId', () => {
    const form = { ...cosForm(keyTimeAround(now, -1, 900)), 'q-signature': '0'.repeat(40) };
    expect(verifyPostFormSignature(form, settingsAt(now, 'off'))).toEqual(signedAs(SECRET_ID));
  });
});
