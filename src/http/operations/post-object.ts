import busboy from 'busboy';
import { PassThrough, Readable } from 'stream';
import { Bucket } from '../../core/bucket';
import { ObjectVersion } from '../../core/model/object-version';
import { commitVersion } from '../../core/objects/put-object';
import { releaseBody, storeBody } from '../../core/objects/store-body';
import { CosError } from '../../errors';
import { encryptionResponseHeaders, readEncryptionRequest } from '../../sse/request-headers';
import { verifyPostFormSignature } from '../auth';
import { RequestContext } from '../context';
import { checkHeaderValue, headerBytes } from '../header-text';
import { Headers, quoteEtag, sendEmpty, sendXml } from '../respond';
import { checkKey } from './object';
import { readObjectAttributes } from './object-attributes';
import { checkPostPolicy, contentLengthRange, parsePostPolicy, PostPolicy } from './post-policy';

const MAX_POST_BYTES = 5 * 1024 ** 3;
const FORM_LIMITS = { files: 1, fields: 200, fieldSize: 64 * 1024, parts: 400 };

interface Upload {
  version: ObjectVersion;
  key: string;
  /** `success_action_redirect` (or `redirect`) as it goes out in Location. */
  redirect: string | undefined;
}

/**
 * POST Object: a browser form upload (reference 2.6, 4.13). The fields before `file` are read,
 * the signature and policy checked, then the file streams into the bucket; fields after the file
 * are ignored. Unsigned forms are accepted only by public-read-write buckets.
 */
export async function postObject(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  if (!/^multipart\/form-data/i.test(ctx.header('content-type') ?? '')) {
    throw new CosError('MalformedPOSTRequest', 'POST Object needs a multipart/form-data body.');
  }
  const fields = new Map<string, string>();
  const upload = await readForm(ctx, fields, (file, filename) =>
    storeUpload(ctx, bucket, fields, file, filename),
  );
  await respond(ctx, bucket, fields, upload);
}

function readForm(
  ctx: RequestContext,
  fields: Map<string, string>,
  onFile: (file: Readable, filename: string) => Promise<Upload>,
): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: ctx.req.headers, limits: FORM_LIMITS });
    } catch {
      throw new CosError('MalformedPOSTRequest');
    }
    let upload: Promise<Upload> | undefined;
    form.on('field', (name, value) => {
      if (!upload) fields.set(name.toLowerCase(), value);
    });
    form.on('file', (name, file, info) => {
      if (upload || name.toLowerCase() !== 'file') return void file.resume();
      // Stored through a pipe: a refused upload destroys only the pipe, and the file is then
      // drained so that the parser still reaches the end of the form.
      const body = new PassThrough();
      file.pipe(body);
      upload = onFile(body, info.filename ?? '');
      upload.catch(() => {
        file.unpipe(body);
        file.resume();
      });
    });
    form.on('error', () => {
      ctx.req.unpipe(form);
      ctx.req.resume();
      reject(new CosError('MalformedPOSTRequest'));
    });
    form.on('close', () => {
      if (!upload) reject(new CosError('IncorrectNumberOfFilesInPostRequest'));
      else upload.then(resolve, reject);
    });
    ctx.req.pipe(form);
  });
}

async function storeUpload(
  ctx: RequestContext,
  bucket: Bucket,
  fields: Map<string, string>,
  file: Readable,
  filename: string,
): Promise<Upload> {
  const principal = verifyPostFormSignature(Object.fromEntries(fields), ctx.runtime.auth);
  const open = bucket.acl.canned === 'public-read-write' || ctx.runtime.auth.mode === 'off';
  if (principal.kind === 'anonymous' && !open) throw new CosError('AccessDenied');

  const template = fields.get('key');
  if (template === undefined || template === '') {
    throw new CosError('InvalidArgument', 'POST Object needs a key field.');
  }
  const key = checkKey(template.split('${filename}').join(filename));
  const policy = readPolicy(ctx, bucket, fields, key);
  const redirect = redirectTarget(fields);
  const view = formHeaderView(ctx, fields);
  const range = contentLengthRange(policy);
  const body = await storeBody(ctx.service, bucket, file, {
    maxSize: Math.min(MAX_POST_BYTES, range?.max ?? MAX_POST_BYTES),
    encryption: readEncryptionRequest(view),
  });
  if (range && body.size < range.min) {
    releaseBody(ctx.service, body);
    throw new CosError('EntityTooSmall');
  }
  const version = commitVersion(
    ctx.service,
    bucket,
    key,
    body,
    readObjectAttributes(view),
    'PostObject',
  );
  return { version, key, redirect };
}

function readPolicy(
  ctx: RequestContext,
  bucket: Bucket,
  fields: Map<string, string>,
  key: string,
): PostPolicy | undefined {
  const encoded = fields.get('policy');
  if (encoded === undefined) return undefined;
  const policy = parsePostPolicy(encoded);
  const form = new Map(fields);
  form.set('key', key);
  form.set('bucket', bucket.name);
  checkPostPolicy(policy, form, ctx.service.clock.now());
  return policy;
}

/**
 * The form fields seen as request headers, so that the header readers (content headers,
 * `x-cos-meta-*`, storage class, ACL, SSE) read them unchanged. The form's `acl` field is COS's
 * `x-cos-acl`.
 */
function formHeaderView(ctx: RequestContext, fields: Map<string, string>): RequestContext {
  const headers: Record<string, string> = {};
  // Field values arrive decoded; headers hold wire bytes (header-text.ts).
  for (const [name, value] of fields) headers[name] = headerBytes(value);
  if (fields.has('acl') && !fields.has('x-cos-acl')) headers['x-cos-acl'] = fields.get('acl')!;
  const req = Object.create(ctx.req, { headers: { value: headers } });
  return Object.create(ctx, {
    req: { value: req },
    header: { value: (name: string) => headers[name] || undefined },
  }) as RequestContext;
}

async function respond(
  ctx: RequestContext,
  bucket: Bucket,
  fields: Map<string, string>,
  upload: Upload,
): Promise<void> {
  const { version, key, redirect } = upload;
  const location = objectUrl(ctx, bucket, key);
  const etag = quoteEtag(version.etag);
  const headers: Headers = {
    ETag: etag,
    Location: location,
    'x-cos-hash-crc64ecma': version.body?.crc64,
    'x-cos-version-id': bucket.versioning === 'Enabled' ? version.versionId : undefined,
    ...encryptionResponseHeaders(version.body?.encryption),
  };
  if (redirect) {
    const query = new URLSearchParams({ bucket: bucket.name, key, etag });
    headers.Location = `${redirect}${redirect.includes('?') ? '&' : '?'}${query}`;
    return sendEmpty(ctx, 303, headers);
  }
  const status = fields.get('success_action_status');
  if (status === '201') {
    const result = { Location: location, Bucket: bucket.name, Key: key, ETag: etag };
    return sendXml(ctx, 'PostResponse', result, headers, 201);
  }
  sendEmpty(ctx, status === '200' ? 200 : 204, headers);
}

/** Checked before the file is stored, so that a redirect no header can carry stores nothing. */
function redirectTarget(fields: Map<string, string>): string | undefined {
  const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  if (!redirect) return undefined;
  return checkHeaderValue('success_action_redirect', headerBytes(redirect));
}

function objectUrl(ctx: RequestContext, bucket: Bucket, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  const prefix = ctx.target.style === 'path' ? `/${bucket.name}` : '';
  return `http://${ctx.target.hostHeader}${prefix}/${path}`;
}
