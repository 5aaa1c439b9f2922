import { S3Client } from '@aws-sdk/client-s3';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { REGION, SECRET_ID, SECRET_KEY } from './auth-support';

export const ENDPOINT_HOST = '127.0.0.1:9000';

export function signer(accessKeyId = SECRET_ID, secretAccessKey = SECRET_KEY): SignatureV4 {
  // S3 signs the path as sent (no second encoding), as @aws-sdk/client-s3 configures it.
  return new SignatureV4({
    credentials: { accessKeyId, secretAccessKey },
    region: REGION,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
  });
}

/**
 * An S3Client whose transport records the signed request instead of sending it, so that a test
 * sees exactly what @aws-sdk/client-s3 would put on the wire.
 */
export function capturingS3Client(accessKeyId = SECRET_ID): {
  client: S3Client;
  sent: HttpRequest[];
} {
  const sent: HttpRequest[] = [];
  const client = new S3Client({
    region: REGION,
    endpoint: `http://${ENDPOINT_HOST}`,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey: SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: HttpRequest) => {
        sent.push(request);
        throw new Error('request captured');
      },
    } as never,
  });
  return { client, sent };
}

/** Sends `command` through a capturing client and returns the one request it signed. */
export async function capture(
  send: (client: S3Client) => Promise<unknown>,
  accessKeyId?: string,
): Promise<HttpRequest> {
  const { client, sent } = capturingS3Client(accessKeyId);
  await expect(send(client)).rejects.toThrow('request captured');
  expect(sent).toHaveLength(1);
  return sent[0];
}

/** The absolute URL of a signed request, encoded as the SDK's HTTP handler writes it. */
export function wireUrl(request: HttpRequest): string {
  const host = request.headers.host ?? `${request.hostname}:${request.port}`;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(request.query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      const hasValue = one !== null && one !== undefined;
      pairs.push(hasValue ? `${encode(name)}=${encode(one)}` : encode(name));
    }
  }
  return `http://${host}${request.path}${pairs.length > 0 ? '?' + pairs.join('&') : ''}`;
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}
