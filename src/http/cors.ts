import { RequestContext } from './context';

/**
 * Adds CORS headers to a response when the request has an Origin that a bucket CORS rule
 * allows. Filled in with the bucket CORS feature; until then no headers are added.
 */
export function applyCorsHeaders(_ctx: RequestContext): void {}
