import { CosError, notImplemented } from '../../errors';
import type { BucketEncryption } from '../../sse/bucket-encryption';
import { RequestContext } from '../context';
import { readXmlBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';
import { XmlElement } from '../xml';

const ROOT = 'ServerSideEncryptionConfiguration';
/**
 * The SDK's typings (and its own test) name the rule body `ApplySideEncryptionConfiguration`;
 * accepted as an alias so tests written from the typings work (reference 5.1, an emulator quirk:
 * real COS presumably answers MalformedXML).
 */
const RULE_BODIES = ['ApplyServerSideEncryptionByDefault', 'ApplySideEncryptionConfiguration'];

/**
 * PUT Bucket encryption (reference 5.1): replaces the bucket default. It applies to objects
 * written from now on only; nothing stored is re-encrypted. The CMK is not checked here but at
 * each write (a key may be created after the default is set): writes then fail KmsKeyNotExist.
 */
export async function putBucketEncryption(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const document = await readXmlBody(ctx, ROOT);
  bucket.encryption = parseEncryptionConfiguration(document);
  sendEmpty(ctx, 200);
}

export async function getBucketEncryption(ctx: RequestContext): Promise<void> {
  const encryption = ctx.bucket().encryption;
  if (!encryption) throw new CosError('NoSuchEncryptionConfiguration');
  sendXml(ctx, ROOT, {
    Rule: {
      ApplyServerSideEncryptionByDefault: {
        SSEAlgorithm: encryption.algorithm,
        KMSMasterKeyID: encryption.kmsMasterKeyId,
        KMSAlgorithm: encryption.kmsAlgorithm,
      },
    },
  });
}

/** 204 whether or not a default was set (reference 5.1: idempotent, UNCONFIRMED). */
export async function deleteBucketEncryption(ctx: RequestContext): Promise<void> {
  ctx.bucket().encryption = undefined;
  sendEmpty(ctx, 204);
}

/**
 * One Rule with SSEAlgorithm AES256 or KMS. Structure errors are MalformedXML; bad values are
 * InvalidArgument (reference 5.1 suggested default; exact code UNCONFIRMED).
 */
export function parseEncryptionConfiguration(document: XmlElement): BucketEncryption {
  const rules = document.all('Rule');
  if (rules.length !== 1) {
    throw new CosError('MalformedXML', 'An encryption configuration holds exactly one Rule.');
  }
  const bodies = rules[0].children.filter((child) => RULE_BODIES.includes(child.name));
  if (bodies.length !== 1) {
    throw new CosError('MalformedXML', 'The Rule needs one <ApplyServerSideEncryptionByDefault>.');
  }
  const body = bodies[0];
  const algorithm = body.textOf('SSEAlgorithm');
  if (algorithm === undefined) {
    throw new CosError('InvalidArgument', 'SSEAlgorithm is required.');
  }
  const kmsMasterKeyId = nonEmpty(body.textOf('KMSMasterKeyID'));
  const kmsAlgorithm = nonEmpty(body.textOf('KMSAlgorithm'));
  if (algorithm === 'SM4' || kmsAlgorithm === 'SM4') throw notImplemented('SM4 encryption');
  if (algorithm !== 'AES256' && algorithm !== 'KMS') {
    throw new CosError('InvalidArgument', `SSEAlgorithm must be AES256 or KMS, not ${algorithm}.`);
  }
  if (algorithm === 'AES256' && (kmsMasterKeyId || kmsAlgorithm)) {
    throw new CosError('InvalidArgument', 'KMSMasterKeyID and KMSAlgorithm go with KMS only.');
  }
  if (kmsAlgorithm !== undefined && kmsAlgorithm !== 'AES256') {
    throw new CosError('InvalidArgument', `KMSAlgorithm must be AES256, not ${kmsAlgorithm}.`);
  }
  return { algorithm, kmsMasterKeyId, kmsAlgorithm };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}
