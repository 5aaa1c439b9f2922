import { CosError } from '../errors';
import { QueryParams } from './query';

/** Where a request points, as resolved from the absolute URI, the Host header or the path. */
export interface Target {
  /** How the bucket was addressed: by the Host header, by the first path segment, or not at all. */
  style: 'virtual-host' | 'path' | 'service';
  /** Region named by the host (virtual host, or `cos.<region>.<domain>`); absent otherwise. */
  region?: string;
  /** Full bucket name `<name>-<appid>`. */
  bucket?: string;
  /** Decoded object key; absent for bucket- and service-level requests. */
  key?: string;
  /** Host without port, lower case. */
  host: string;
  /** Host header as sent (with port), which signatures cover. */
  hostHeader: string;
  /** The path q-sign covers: `/` + decoded key, `/` for bucket level (reference 1.5 b). */
  signedPath: string;
  /** The encoded path as on the wire, including `/<bucket>` in path style (SigV4's URI). */
  rawPath: string;
  query: QueryParams;
}

export interface RoutingOptions {
  /** Domains served like myqcloud.com: `localhost` serves `<bucket>.cos.<region>.localhost`. */
  localDomains: string[];
}

const COS_DOMAINS = ['myqcloud.com', 'tencentcos.cn'];
const BUCKET_HOST = /^([a-z0-9-]+-\d+)\.cos(?:-internal|-cdc|v6)?\.([a-z0-9-]+)\.(.+)$/;
const REGION_HOST = /^cos\.([a-z0-9-]+)\.(.+)$/;
const SERVICE_HOST = /^service\.cos\.(.+)$/;

/** Resolves the target of a request from its request line and Host header (reference 1.8). */
export function resolveTarget(
  requestUrl: string,
  hostHeader: string,
  options: RoutingOptions,
): Target {
  let url = requestUrl;
  let hostWithPort = hostHeader;
  if (/^https?:\/\//i.test(url)) {
    // Absolute-form target, as the SDK's Proxy option sends it: its authority wins.
    const absolute = parseAbsolute(url);
    hostWithPort = absolute.host;
    url = absolute.pathAndQuery;
  }

  const queryStart = url.indexOf('?');
  const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = new QueryParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
  const host = stripPort(hostWithPort).toLowerCase();
  const isCosDomain = (domain: string) =>
    COS_DOMAINS.includes(domain) || options.localDomains.includes(domain);
  // Every target is built with the same fields in the same order: one object shape for all of
  // them, where spreading a shared base costs microseconds per request (bench/, small objects).
  const target = (
    style: Target['style'],
    region: string | undefined,
    bucket: string | undefined,
    key: string | undefined,
  ): Target => ({
    style,
    region,
    bucket,
    key: key === '' ? undefined : key,
    host,
    hostHeader: hostWithPort,
    signedPath: key === undefined ? '/' : '/' + key,
    rawPath,
    query,
  });

  const bucketHost = BUCKET_HOST.exec(host);
  if (bucketHost && isCosDomain(bucketHost[3])) {
    return target('virtual-host', bucketHost[2], bucketHost[1], decodePath(rawPath.slice(1)));
  }

  const regionHost = REGION_HOST.exec(host);
  const region = regionHost && isCosDomain(regionHost[2]) ? regionHost[1] : undefined;
  const serviceHost = SERVICE_HOST.exec(host);
  const isServiceHost = serviceHost !== null && isCosDomain(serviceHost[1]);
  if (rawPath === '/' || rawPath === '' || isServiceHost) {
    return target('service', region, undefined, undefined);
  }

  // Path style: the first segment is the bucket; the SDK signs the rest (reference 1.5 b).
  const slash = rawPath.indexOf('/', 1);
  const bucket = decodePath(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
  const key = slash < 0 ? '' : decodePath(rawPath.slice(slash + 1));
  return target('path', region, bucket, key);
}

function parseAbsolute(url: string): { host: string; pathAndQuery: string } {
  const schemeEnd = url.indexOf('//') + 2;
  const pathStart = url.indexOf('/', schemeEnd);
  const host = pathStart < 0 ? url.slice(schemeEnd) : url.slice(schemeEnd, pathStart);
  return { host, pathAndQuery: pathStart < 0 ? '/' : url.slice(pathStart) };
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** Decodes a path; `+` stays a plus here (unlike in the query string). */
function decodePath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    throw new CosError('InvalidURI');
  }
}
