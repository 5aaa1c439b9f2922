import { notImplemented } from '../../errors';
import {
  checkValidityWindow,
  malformedAuthorization,
  signatureMismatch,
  unknownSecretId,
} from './auth-errors';
import { hmacSha1Hex, sha1Hex, TIME_RANGE } from './q-sign';
import { parseSigV4Credential, parseSigV4Signature, SIGV4_ALGORITHM, sigV4Sign } from './sigv4';
import type { AuthSettings, Principal } from './types';
import { percentDecode } from './uri-encoding';

/**
 * Verifies the signature fields of a POST Object form (reference 2.6, 4.13): the COS form
 * (q-sign-algorithm, q-ak, q-key-time, q-signature over the policy JSON) or the AWS form
 * (x-amz-algorithm, x-amz-credential, x-amz-date, x-amz-signature over the base64 policy).
 * Only the signature: whether the upload meets the policy's conditions and expiration is checked
 * by the POST Object operation. A form with no signature fields is anonymous.
 */
export function verifyPostFormSignature(
  fields: Record<string, string>,
  settings: AuthSettings,
): Principal {
  // Browsers keep the case the page used; COS and S3 match form field names case-insensitively.
  const form = new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));
  const style = formStyle(form);
  if (style === 'none') return { kind: 'anonymous' };
  if (settings.mode === 'off') {
    const secretId =
      style === 'cos' ? form.get('q-ak') : form.get('x-amz-credential')?.split('/')[0];
    return secretId ? { kind: 'signed', secretId } : { kind: 'anonymous' };
  }

  const policy = form.get('policy');
  if (!policy) throw malformedAuthorization('a signed form needs a policy field');
  return style === 'cos'
    ? verifyCosForm(form, policy, settings)
    : verifyAwsForm(form, policy, settings);
}

function formStyle(form: Map<string, string>): 'cos' | 'aws' | 'none' {
  if (form.has('q-signature') || form.has('q-ak')) return 'cos';
  if (form.has('x-amz-signature') || form.has('x-amz-credential')) return 'aws';
  if (form.has('awsaccesskeyid') && form.has('signature')) {
    throw notImplemented('AWS Signature Version 2 (POST form)');
  }
  return 'none';
}

function verifyCosForm(form: Map<string, string>, policy: string, settings: AuthSettings) {
  const algorithm = (form.get('q-sign-algorithm') ?? '').toLowerCase();
  if (algorithm !== 'sha1') {
    throw malformedAuthorization(`q-sign-algorithm "${algorithm}" is not supported (use sha1)`);
  }
  const secretId = required(form, 'q-ak');
  const keyTime = percentDecode(required(form, 'q-key-time'));
  const signature = required(form, 'q-signature').toLowerCase();
  const [, start, end] = TIME_RANGE.exec(keyTime) ?? [];
  if (start === undefined) {
    throw malformedAuthorization('q-key-time must be "<start>;<end>" in Unix seconds');
  }

  const secretKey = settings.credentials.secretKeyFor(secretId);
  if (secretKey === undefined) throw unknownSecretId(secretId);
  checkValidityWindow(Number(start), Number(end), settings.now(), { KeyTime: keyTime });

  const policyJson = Buffer.from(policy, 'base64').toString('utf8');
  const stringToSign = sha1Hex(policyJson);
  const signKey = hmacSha1Hex(secretKey, keyTime);
  if (hmacSha1Hex(signKey, stringToSign) === signature) return signed(secretId);

  throw signatureMismatch({
    SignatureProvided: signature,
    StringToSign: stringToSign,
    Policy: policyJson,
  });
}

// S3 does not compare x-amz-date with the clock for forms: the policy's expiration bounds them.
function verifyAwsForm(form: Map<string, string>, policy: string, settings: AuthSettings) {
  const algorithm = required(form, 'x-amz-algorithm');
  if (algorithm !== SIGV4_ALGORITHM) {
    throw malformedAuthorization(`x-amz-algorithm "${algorithm}" is not supported`);
  }
  const credential = parseSigV4Credential(required(form, 'x-amz-credential'));
  const amzDate = required(form, 'x-amz-date');
  if (!amzDate.startsWith(credential.scopeDate)) {
    throw malformedAuthorization(
      `Credential date ${credential.scopeDate} is not the date of ${amzDate}`,
    );
  }
  const signature = parseSigV4Signature(required(form, 'x-amz-signature'));

  const secretKey = settings.credentials.secretKeyFor(credential.secretId);
  if (secretKey === undefined) throw unknownSecretId(credential.secretId);
  if (sigV4Sign(secretKey, credential, policy) === signature) return signed(credential.secretId);

  throw signatureMismatch({
    AWSAccessKeyId: credential.secretId,
    SignatureProvided: signature,
    StringToSign: policy,
  });
}

function required(form: Map<string, string>, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === '') throw malformedAuthorization(`missing ${name}`);
  return value;
}

function signed(secretId: string): Principal {
  return { kind: 'signed', secretId };
}
