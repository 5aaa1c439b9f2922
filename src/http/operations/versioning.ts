import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function putBucketVersioning(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getBucketVersioning(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
