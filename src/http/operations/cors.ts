import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function putBucketCors(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getBucketCors(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function deleteBucketCors(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function optionsObject(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
