import { CosError, ErrorDetails } from '../../errors';

/** The longest a signature may start ahead of the emulator's clock (COS and S3 allow 15 min). */
export const MAX_CLOCK_SKEW_SECONDS = 15 * 60;

// COS documents no distinct code for a malformed Authorization; its examples answer 403
// AccessDenied (reference 2.4.1, UNCONFIRMED), so the message carries what was wrong.
export function malformedAuthorization(problem: string): CosError {
  return new CosError('AccessDenied', `Malformed authorization: ${problem}`);
}

export function unknownSecretId(secretId: string): CosError {
  return new CosError('InvalidAccessKeyId', undefined, { SecretId: secretId });
}

/** The message is matched verbatim by the Node SDK to trigger its clock-skew retry (2.5). */
export function requestExpired(now: Date, details: ErrorDetails = {}): CosError {
  return new CosError('AccessDenied', 'Request has expired', {
    ...details,
    ServerTime: now.toISOString(),
  });
}

export function requestTimeTooSkewed(now: Date, details: ErrorDetails = {}): CosError {
  return new CosError('RequestTimeTooSkewed', undefined, {
    ...details,
    ServerTime: now.toISOString(),
    MaxAllowedSkewMilliseconds: String(MAX_CLOCK_SKEW_SECONDS * 1000),
  });
}

/** Details echo what the emulator signed (never the SecretKey) so that users can compare. */
export function signatureMismatch(details: ErrorDetails): CosError {
  return new CosError('SignatureDoesNotMatch', undefined, details);
}

/** Checks a signature's validity window, in Unix seconds, against the emulator's clock. */
export function checkValidityWindow(
  start: number,
  end: number,
  now: Date,
  details: ErrorDetails = {},
): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds > end) throw requestExpired(now, details);
  // COS names no code for a signature that is not yet valid (Appendix A.5): one starting within
  // the skew allowance passes; beyond it the client's clock is taken to be wrong.
  if (start > nowSeconds + MAX_CLOCK_SKEW_SECONDS) throw requestTimeTooSkewed(now, details);
}
