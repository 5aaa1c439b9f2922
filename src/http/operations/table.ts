import { CosError, notImplemented } from '../../errors';
import { QueryParams } from '../query';
import * as acl from './acl';
import * as append from './append-object';
import * as bucket from './bucket';
import * as copy from './copy-object';
import * as cors from './cors';
import * as deleteMultiple from './delete-multiple';
import * as encryption from './encryption';
import * as listObjects from './list-objects';
import * as listVersions from './list-versions';
import * as multipart from './multipart';
import * as object from './object';
import * as postObject from './post-object';
import * as service from './service';
import * as storedConfig from './stored-config';
import * as tagging from './tagging';
import * as versioning from './versioning';
import { Level, Operation } from './operation';

function op(
  name: string,
  level: Level,
  method: string,
  subresource: string | undefined,
  handler: Operation['handler'],
): Operation {
  return { name, level, method, subresource, handler };
}

/** Recognised COS APIs that the emulator does not emulate: always 501, never a plain GET/PUT. */
function notEmulated(name: string, level: Level, method: string, subresource: string): Operation {
  return op(name, level, method, subresource, async () => {
    throw notImplemented(name);
  });
}

const OPERATIONS: Operation[] = [
  op('GetService', 'service', 'GET', undefined, service.getService),

  op('PutBucket', 'bucket', 'PUT', undefined, bucket.putBucket),
  op('HeadBucket', 'bucket', 'HEAD', undefined, bucket.headBucket),
  op('DeleteBucket', 'bucket', 'DELETE', undefined, bucket.deleteBucket),
  op('GetBucketLocation', 'bucket', 'GET', 'location', bucket.getBucketLocation),
  op('GetBucket', 'bucket', 'GET', undefined, listObjects.listObjects),
  op('GetBucketObjectVersions', 'bucket', 'GET', 'versions', listVersions.listObjectVersions),
  op('PostObject', 'bucket', 'POST', undefined, postObject.postObject),
  op('DeleteMultipleObjects', 'bucket', 'POST', 'delete', deleteMultiple.deleteMultipleObjects),
  op('ListMultipartUploads', 'bucket', 'GET', 'uploads', multipart.listMultipartUploads),

  op('PutBucketVersioning', 'bucket', 'PUT', 'versioning', versioning.putBucketVersioning),
  op('GetBucketVersioning', 'bucket', 'GET', 'versioning', versioning.getBucketVersioning),
  op('PutBucketEncryption', 'bucket', 'PUT', 'encryption', encryption.putBucketEncryption),
  op('GetBucketEncryption', 'bucket', 'GET', 'encryption', encryption.getBucketEncryption),
  op('DeleteBucketEncryption', 'bucket', 'DELETE', 'encryption', encryption.deleteBucketEncryption),
  op('PutBucketACL', 'bucket', 'PUT', 'acl', acl.putBucketAcl),
  op('GetBucketACL', 'bucket', 'GET', 'acl', acl.getBucketAcl),
  op('PutBucketCORS', 'bucket', 'PUT', 'cors', cors.putBucketCors),
  op('GetBucketCORS', 'bucket', 'GET', 'cors', cors.getBucketCors),
  op('DeleteBucketCORS', 'bucket', 'DELETE', 'cors', cors.deleteBucketCors),
  op('OptionsBucket', 'bucket', 'OPTIONS', undefined, cors.optionsObject),
  op('PutBucketTagging', 'bucket', 'PUT', 'tagging', tagging.putBucketTagging),
  op('GetBucketTagging', 'bucket', 'GET', 'tagging', tagging.getBucketTagging),
  op('DeleteBucketTagging', 'bucket', 'DELETE', 'tagging', tagging.deleteBucketTagging),
  ...storedConfig.STORED_CONFIGS.flatMap((config) => [
    op(`PutBucket${config.apiName}`, 'bucket', 'PUT', config.subresource, config.put),
    op(`GetBucket${config.apiName}`, 'bucket', 'GET', config.subresource, config.get),
    op(`DeleteBucket${config.apiName}`, 'bucket', 'DELETE', config.subresource, config.delete),
  ]),

  // Features tracked by their own issues; until then they answer 501 (README compatibility table).
  ...(['PUT', 'GET', 'DELETE'] as const).flatMap((method) => [
    notEmulated(`${method}BucketOrigin`, 'bucket', method, 'origin'),
    notEmulated(`${method}BucketInventory`, 'bucket', method, 'inventory'),
    notEmulated(`${method}BucketReplication`, 'bucket', method, 'replication'),
    notEmulated(`${method}BucketNotification`, 'bucket', method, 'notification'),
    notEmulated(`${method}BucketIntelligentTiering`, 'bucket', method, 'intelligenttiering'),
    notEmulated(`${method}BucketObjectLock`, 'bucket', method, 'object-lock'),
    notEmulated(`${method}BucketMeta`, 'bucket', method, 'meta'),
  ]),
  notEmulated('PostBucketInventory', 'bucket', 'POST', 'inventory'),

  op('PutObject', 'object', 'PUT', undefined, object.putObject),
  op('GetObject', 'object', 'GET', undefined, object.getObject),
  op('HeadObject', 'object', 'HEAD', undefined, object.headObject),
  op('DeleteObject', 'object', 'DELETE', undefined, object.deleteObject),
  op('OptionsObject', 'object', 'OPTIONS', undefined, cors.optionsObject),
  op('AppendObject', 'object', 'POST', 'append', append.appendObject),
  op('InitiateMultipartUpload', 'object', 'POST', 'uploads', multipart.initiateMultipartUpload),
  op('UploadPart', 'object', 'PUT', 'uploadId', multipart.uploadPart),
  op('CompleteMultipartUpload', 'object', 'POST', 'uploadId', multipart.completeMultipartUpload),
  op('AbortMultipartUpload', 'object', 'DELETE', 'uploadId', multipart.abortMultipartUpload),
  op('ListParts', 'object', 'GET', 'uploadId', multipart.listParts),
  op('PutObjectACL', 'object', 'PUT', 'acl', acl.putObjectAcl),
  op('GetObjectACL', 'object', 'GET', 'acl', acl.getObjectAcl),
  op('PutObjectTagging', 'object', 'PUT', 'tagging', tagging.putObjectTagging),
  op('GetObjectTagging', 'object', 'GET', 'tagging', tagging.getObjectTagging),
  op('DeleteObjectTagging', 'object', 'DELETE', 'tagging', tagging.deleteObjectTagging),
  notEmulated('PostObjectRestore', 'object', 'POST', 'restore'),
  notEmulated('SelectObjectContent', 'object', 'POST', 'select'),
];

/** Sub-resources in the order they are looked for (uploadId before the rest, etc.). */
const SUBRESOURCES = [
  ...new Set(OPERATIONS.map((o) => o.subresource).filter((s): s is string => s !== undefined)),
].sort((a, b) => (a === 'uploadId' ? -1 : b === 'uploadId' ? 1 : 0));

const BY_SIGNATURE = new Map(
  OPERATIONS.map((o) => [`${o.level} ${o.method} ${o.subresource ?? ''}`, o] as const),
);

/** Also accepted after a PUT/GET/...: parameters that are not sub-resources. */
export const PLAIN_PARAMETERS = new Set([
  'prefix',
  'delimiter',
  'marker',
  'max-keys',
  'encoding-type',
  'list-type',
  'continuation-token',
  'start-after',
  'fetch-owner',
  'key-marker',
  'version-id-marker',
  'upload-id-marker',
  'max-uploads',
  'max-parts',
  'part-number-marker',
  'versionId',
  'partNumber',
  'position',
  'id',
  'x-id',
  'x-cos-security-token',
  'sign',
  'tagkey',
  'tagvalue',
  'region',
  'create-time',
  'range',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
]);

/**
 * Picks the operation for a request. A sub-resource this table does not know answers 501
 * NotImplemented rather than falling through to a plain object or bucket operation.
 */
export function findOperation(level: Level, method: string, query: QueryParams): Operation {
  // A CORS preflight is about the request it precedes (`OPTIONS /?uploads` before listing the
  // uploads, as cos-js-sdk-v5 does to resume): its sub-resource does not change the answer.
  const preflight = method === 'OPTIONS' && BY_SIGNATURE.get(`${level} OPTIONS `);
  if (preflight) return preflight;
  const subresource = SUBRESOURCES.find((name) => query.has(name));
  if (subresource === undefined) {
    for (const name of query.names()) {
      const isParameter = PLAIN_PARAMETERS.has(name) || /^(q-|x-amz-)/i.test(name);
      if (!isParameter && query.get(name) === '') {
        throw notImplemented(`The sub-resource ?${name}`);
      }
    }
  }
  const found = BY_SIGNATURE.get(`${level} ${method} ${subresource ?? ''}`);
  if (found) return found;
  if (subresource !== undefined) throw notImplemented(`${method} ?${subresource} on a ${level}`);
  throw new CosError('MethodNotAllowed');
}
