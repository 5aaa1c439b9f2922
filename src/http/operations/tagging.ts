import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function putBucketTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getBucketTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function deleteBucketTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function putObjectTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getObjectTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function deleteObjectTagging(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
