import type { IncomingMessage } from 'http';

const REDACTED = '[redacted]';

/** Headers whose values are secrets: the signature, session tokens, SSE-C keys (and their MD5). */
const SECRET_HEADER = /^(authorization|x-(cos|amz)-security-token|.*customer-key(-md5)?)$/i;

/** Query parameters that carry a signature or a token (presigned URLs, q-sign and SigV4). */
const SECRET_PARAM =
  /^(sign|q-signature|x-amz-signature|x-(cos|amz)-security-token|authorization)$/i;

/** The request path without its query, which may hold a presigned URL's signature. */
export function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** The URL with the values of signature and token parameters replaced. */
export function redactedUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((param) => {
      const equals = param.indexOf('=');
      const name = equals < 0 ? param : param.slice(0, equals);
      return equals >= 0 && SECRET_PARAM.test(safeDecode(name)) ? `${name}=${REDACTED}` : param;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/** The debug line of a request: method, redacted URL, headers with secret values replaced. */
export function describeRequest(req: IncomingMessage): string {
  const headers: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = SECRET_HEADER.test(name) ? REDACTED : req.rawHeaders[i + 1];
    headers.push(`${name}: ${value}`);
  }
  return `request ${req.method ?? 'GET'} ${redactedUrl(req.url ?? '/')} {${headers.join('; ')}}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
