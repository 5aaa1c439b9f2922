import net from 'net';
import request from 'supertest';
// eslint-disable-next-line @typescript-eslint/no-var-requires
import COS = require('cos-nodejs-sdk-v5');
import { REGION, TestEmulator } from '../support/emulator';

export function bucketHost(bucket: string, region = REGION): string {
  return `${bucket}.cos.${region}.myqcloud.com`;
}

/** The COS SDK's CopySource for an object: the COS domain form it insists on. */
export function copySource(bucket: string, key: string, region = REGION): string {
  return `${bucket}.cos.${region}.myqcloud.com/${encodeURIComponent(key)}`;
}

/** Path as the COS SDK puts it on the wire (reference 1.4). */
export function objectPath(key: string): string {
  const encoded = encodeURIComponent(key).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return '/' + encoded.replace(/%2F/g, '/');
}

/** A q-sign Authorization header for a raw request, as the SDK would compute it. */
export function signCos(
  t: TestEmulator,
  method: COS.Method | 'HEAD',
  key: string,
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
): string {
  const { SecretId, SecretKey } = t.emulator.cosOptions();
  return COS.getAuthorization({
    // The typings leave out HEAD, which the signature covers like any other method.
    SecretId,
    SecretKey,
    Method: method as COS.Method,
    Key: key,
    Query: query,
    Headers: headers,
  });
}

/** A raw request against the emulator, addressed through the bucket's virtual host. */
export function raw(t: TestEmulator) {
  return request(t.emulator.url);
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Sends bytes exactly as given over a socket and resolves with the raw response text. */
export function rawHttp(t: TestEmulator, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(t.emulator.port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/** A loosely typed call through the COS SDK, for parameters and results its typings lack. */
export type LooseCall = (params: Record<string, unknown>) => Promise<any>;

/**
 * The SDK's typings lag what it sends (reference 10.5): headObject takes VersionId and the If-*
 * parameters, putObject takes ContentMD5, 304 results carry NotModified.
 */
export function loose(cos: COS): Record<LooseMethod, LooseCall> {
  const client = cos as unknown as Record<LooseMethod, LooseCall>;
  const bound =
    (name: LooseMethod): LooseCall =>
    (params) =>
      client[name](params);
  return {
    getObject: bound('getObject'),
    headObject: bound('headObject'),
    putObject: bound('putObject'),
    deleteObject: bound('deleteObject'),
  };
}

type LooseMethod = 'getObject' | 'headObject' | 'putObject' | 'deleteObject';
