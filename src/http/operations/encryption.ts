import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function putBucketEncryption(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getBucketEncryption(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function deleteBucketEncryption(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
