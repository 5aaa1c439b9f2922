import { CosError } from '../../errors';
import { ObjectVersion } from '../model/object-version';

/**
 * The preconditions of a read or a copy source (`If-Match` ... or `x-cos-copy-source-If-...`).
 * Header text is kept raw: an unparsable date is ignored, as RFC 7232 says.
 */
export interface ObjectConditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** What a read does after its preconditions: go on, or answer 304 Not Modified. */
export type ConditionOutcome = 'proceed' | 'not-modified';

/**
 * Evaluates preconditions in RFC 7232 order, which S3 follows (COS is UNCONFIRMED, reference
 * 4.8): If-Match, else If-Unmodified-Since (412); then If-None-Match, else If-Modified-Since
 * (304). A failed If-Match or If-Unmodified-Since throws 412 PreconditionFailed.
 */
export function evaluateConditions(
  version: ObjectVersion,
  conditions: ObjectConditions,
): ConditionOutcome {
  if (conditions.ifMatch !== undefined) {
    const matches = etagListMatches(conditions.ifMatch, version.etag);
    if (!matches) throw new CosError('PreconditionFailed');
  } else if (isModifiedSince(version, conditions.ifUnmodifiedSince) === true) {
    throw new CosError('PreconditionFailed');
  }

  if (conditions.ifNoneMatch !== undefined) {
    return etagListMatches(conditions.ifNoneMatch, version.etag) ? 'not-modified' : 'proceed';
  }
  return isModifiedSince(version, conditions.ifModifiedSince) === false
    ? 'not-modified'
    : 'proceed';
}

/**
 * Copy-source preconditions: the same rules, but every failure is 412 (a copy has no 304),
 * as S3 answers for `x-amz-copy-source-if-none-match` / `-if-modified-since`.
 */
export function assertCopyConditions(version: ObjectVersion, conditions: ObjectConditions): void {
  if (evaluateConditions(version, conditions) === 'not-modified') {
    throw new CosError('PreconditionFailed');
  }
}

/** `*`, or a comma-separated list of quoted (or bare) ETags; weak `W/` prefixes compare equal. */
export function etagListMatches(header: string, etag: string): boolean {
  for (const item of header.split(',')) {
    const candidate = item
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
    if (candidate === '*' || candidate === etag) return true;
  }
  return false;
}

/**
 * HTTP dates start with a day name (IMF-fixdate, RFC 850, asctime); ISO 8601 is tolerated too,
 * as SDK callers pass it. Date.parse alone would read `-1` as a year.
 */
const DATE_SHAPE = /^(?:[A-Za-z]{3,9},? |\d{4}-\d\d-\d\dT)/;

/**
 * Whether the version changed after an HTTP date, at the one-second precision of
 * Last-Modified; undefined when the header is absent or not a date.
 */
function isModifiedSince(version: ObjectVersion, header: string | undefined): boolean | undefined {
  if (header === undefined || !DATE_SHAPE.test(header.trim())) return undefined;
  const since = Date.parse(header);
  if (Number.isNaN(since)) return undefined;
  const lastModifiedSeconds = Math.floor(version.lastModified.getTime() / 1000);
  return lastModifiedSeconds > Math.floor(since / 1000);
}
