import { completeUpload, CompletedPart } from '../../core/multipart/complete-upload';
import { uploadPart as storePart } from '../../core/multipart/upload-part';
import { abortUpload, getUpload, initiateUpload } from '../../core/multipart/upload-lifecycle';
import { CosError } from '../../errors';
import { chooseForPart } from '../../sse/choose-encryption';
import { encryptionResponseHeaders, readEncryptionRequest } from '../../sse/request-headers';
import { RequestContext } from '../context';
import { refuseAwsChunked } from '../payload-encoding';
import { readXmlBody } from '../request-body';
import { quoteEtag, sendEmpty, sendXml } from '../respond';
import { XmlElement } from '../xml';
import { readPartNumber, uploadPartCopy } from './multipart-copy';
import { checkKey, readForbidOverwrite, readObjectAttributes } from './object-attributes';
import { withAmzAliases } from './object-headers';

export { listMultipartUploads, listParts } from './multipart-listing';

/** POST /key?uploads: the same attribute and SSE headers as PUT Object (reference 4.14). */
export async function initiateMultipartUpload(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const key = checkKey(ctx.key());
  const upload = initiateUpload(ctx.service, bucket, {
    key,
    ...readObjectAttributes(ctx),
    encryption: readEncryptionRequest(ctx),
  });
  const headers = withAmzAliases(ctx, encryptionResponseHeaders(upload.encryption));
  sendXml(
    ctx,
    'InitiateMultipartUploadResult',
    { Bucket: bucket.name, Key: key, UploadId: upload.uploadId },
    headers,
  );
}

/**
 * PUT /key?partNumber=N&uploadId=ID, or Upload Part - Copy with `x-cos-copy-source`. An
 * `x-cos-server-side-encryption` header is accepted and ignored: the upload's encryption was
 * fixed at Initiate, and sliceUploadFile sends the header on every part (reference 10.3).
 */
export async function uploadPart(ctx: RequestContext): Promise<void> {
  if (ctx.header('x-cos-copy-source') ?? ctx.header('x-amz-copy-source')) {
    // The access log names the API the SDK called, not the route both share.
    ctx.operation = 'UploadPartCopy';
    return uploadPartCopy(ctx);
  }
  refuseAwsChunked(ctx);
  const bucket = ctx.bucket();
  const upload = getUpload(bucket, ctx.key(), ctx.query.get('uploadId'));
  const partNumber = readPartNumber(ctx);
  const length = ctx.header('content-length');
  if (length === undefined && !ctx.header('transfer-encoding')) {
    throw new CosError('MissingContentLength');
  }
  // Refuses an SSE-C part without the upload's key; other SSE headers on parts are ignored.
  chooseForPart(upload.encryption, readEncryptionRequest(ctx));

  const part = await storePart(ctx.service, bucket, upload, partNumber, ctx.req, {
    expectedLength: length === undefined ? undefined : Number(length),
    contentMd5: ctx.header('content-md5'),
  });
  sendEmpty(
    ctx,
    200,
    withAmzAliases(ctx, {
      ETag: quoteEtag(part.etag),
      'x-cos-hash-crc64ecma': part.body.crc64,
      ...encryptionResponseHeaders(part.body.encryption ?? upload.encryption),
    }),
  );
}

/** POST /key?uploadId=ID with the list of parts. */
export async function completeMultipartUpload(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const key = ctx.key();
  const upload = getUpload(bucket, key, ctx.query.get('uploadId'));
  const request = await readXmlBody(ctx, 'CompleteMultipartUpload');
  const listed = request.all('Part').map(readCompletedPart);

  const version = await completeUpload(ctx.service, bucket, upload, listed, {
    forbidOverwrite: readForbidOverwrite(ctx),
  });
  // `null` is sent when Suspended (reference 4.14); unversioned buckets send no version id.
  const versionId = bucket.versioning === '' ? undefined : version.versionId;
  const headers = withAmzAliases(ctx, {
    'x-cos-version-id': versionId,
    'x-cos-hash-crc64ecma': version.body?.crc64,
    ...encryptionResponseHeaders(version.body?.encryption),
  });
  sendXml(
    ctx,
    'CompleteMultipartUploadResult',
    {
      Location: `${bucket.name}.cos.${bucket.region}.myqcloud.com/${encodeKeyPath(key)}`,
      Bucket: bucket.name,
      Key: key,
      ETag: quoteEtag(version.etag),
    },
    headers,
  );
}

/** DELETE /key?uploadId=ID: 204, or 404 NoSuchUpload. */
export async function abortMultipartUpload(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const upload = getUpload(bucket, ctx.key(), ctx.query.get('uploadId'));
  abortUpload(ctx.service, bucket, upload);
  sendEmpty(ctx, 204);
}

function readCompletedPart(part: XmlElement): CompletedPart {
  const number = part.requireText('PartNumber').trim();
  if (!/^\d{1,5}$/.test(number)) {
    throw new CosError('MalformedXML', `PartNumber ${number} is not a part number.`);
  }
  return { partNumber: Number(number), etag: part.requireText('ETag') };
}

function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
