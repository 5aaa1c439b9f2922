import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function listObjectVersions(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
