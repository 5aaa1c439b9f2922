import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function initiateMultipartUpload(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function uploadPart(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function completeMultipartUpload(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function abortMultipartUpload(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function listParts(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}

export async function listMultipartUploads(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
