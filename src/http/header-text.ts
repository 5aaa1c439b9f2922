import { CosError } from '../errors';

/**
 * Header values are kept as Node hands them over from the wire: one character per byte
 * (latin1), so UTF-8 sent in a header comes back out as the same bytes.
 *
 * Text that arrives decoded (form fields, query parameters, fixtures) is turned into that form
 * at write time: its UTF-8 bytes as a latin1 string. S3 and COS answer a non-ASCII
 * `response-content-disposition` with raw UTF-8 bytes; that COS does the same for metadata set
 * through a form is UNCONFIRMED (the reference is silent), raw UTF-8 is the suggested default.
 */
export function headerBytes(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** What Node refuses to send in a header (CR, LF and other controls but tab). */
// eslint-disable-next-line no-control-regex
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/;

export function isSendableHeaderValue(value: string): boolean {
  return !UNSENDABLE.test(value);
}

/**
 * Refuses a header value no HTTP response can carry, before it is stored: otherwise every later
 * GET of the object would fail. COS would refuse such a request line outright; 400
 * InvalidArgument is our choice of code.
 */
export function checkHeaderValue(name: string, value: string): string {
  if (!isSendableHeaderValue(value)) {
    throw new CosError('InvalidArgument', `The value of ${name} contains control characters.`);
  }
  return value;
}
