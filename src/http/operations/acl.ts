import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function putBucketAcl(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getBucketAcl(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function putObjectAcl(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function getObjectAcl(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
