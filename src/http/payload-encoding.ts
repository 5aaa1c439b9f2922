import { CosError } from '../errors';
import { RequestContext } from './context';

/**
 * Refuses an aws-chunked body before a byte of it is read: its chunk framing (sizes, chunk
 * signatures, trailers) would otherwise be stored as object bytes. Real COS refuses these bodies
 * with this message (reference 1.7); the code is not documented, InvalidArgument is our choice.
 */
export function refuseAwsChunked(ctx: RequestContext): void {
  const encodings = (ctx.header('content-encoding') ?? '').toLowerCase().split(',');
  const chunked = encodings.some((encoding) => encoding.trim() === 'aws-chunked');
  const streaming = (ctx.header('x-amz-content-sha256') ?? '').startsWith('STREAMING-');
  if (chunked || streaming) {
    throw new CosError(
      'InvalidArgument',
      'aws-chunked encoding is not supported with the specified x-amz-content-sha256 value.',
    );
  }
}
