import { notImplemented } from '../../errors';
import { RequestContext } from '../context';

export async function postObject(ctx: RequestContext): Promise<void> {
  throw notImplemented(ctx.operation);
}
