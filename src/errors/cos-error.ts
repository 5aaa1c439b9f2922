import { ERROR_CATALOGUE, ErrorCode } from './catalogue';

/** Extra elements written into the `<Error>` body after the standard ones (e.g. StringToSign). */
export type ErrorDetails = Record<string, string>;

/**
 * A failure a COS client can see. Thrown anywhere (core, storage, HTTP adapter); the pipeline's
 * error writer turns it into the `<Error>` XML with the catalogue's status.
 */
export class CosError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails;
  /** Response headers that go with this error (e.g. `x-cos-delete-marker` on a 404). */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    details: ErrorDetails = {},
    headers: Record<string, string> = {},
  ) {
    const [status, defaultMessage] = ERROR_CATALOGUE[code];
    super(message ?? defaultMessage);
    this.name = 'CosError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.headers = headers;
  }
}

export function isCosError(error: unknown): error is CosError {
  return error instanceof CosError;
}

/** The answer for anything recognised but not emulated: always 501, never a silent success. */
export function notImplemented(what: string): CosError {
  return new CosError('NotImplemented', `${what} is not implemented by cos-emulator.`);
}
