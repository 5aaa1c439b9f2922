/**
 * Percent-encodes everything but `A-Z a-z 0-9 - _ . ~`, hex in upper case. This is both the COS
 * q-sign UrlEncode (reference 2.1) and the RFC 3986 encoding SigV4 uses for query strings.
 */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Percent-decodes once; `+` stays a plus; a malformed escape leaves the text as it was. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Compares strings by their UTF-8 bytes, the order Go and S3 sort in. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
