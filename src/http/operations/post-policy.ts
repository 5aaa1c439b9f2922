import { CosError } from '../../errors';

/** One condition of a POST Object policy (reference 4.13). */
type PolicyCondition =
  | { kind: 'eq' | 'starts-with'; field: string; value: string }
  | { kind: 'content-length-range'; min: number; max: number };

export interface PostPolicy {
  expiration: Date;
  conditions: PolicyCondition[];
}

/** Decodes the base64 JSON policy; anything malformed is InvalidPolicyDocument. */
export function parsePostPolicy(base64: string): PostPolicy {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw invalid('The policy is not base64-encoded JSON.');
  }
  if (typeof document !== 'object' || document === null) {
    throw invalid('The policy is not an object.');
  }
  const { expiration, conditions } = document as { expiration?: unknown; conditions?: unknown };
  const expires = typeof expiration === 'string' ? new Date(expiration) : undefined;
  if (!expires || Number.isNaN(expires.getTime())) {
    throw invalid('The policy needs an ISO 8601 expiration.');
  }
  if (!Array.isArray(conditions)) throw invalid('The policy needs a conditions list.');
  return { expiration: expires, conditions: conditions.flatMap(parseCondition) };
}

function parseCondition(condition: unknown): PolicyCondition[] {
  if (Array.isArray(condition)) {
    const [operator, first, second] = condition as unknown[];
    const op = String(operator).toLowerCase();
    if (op === 'content-length-range') {
      const min = Number(first);
      const max = Number(second);
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
        throw invalid('content-length-range needs two whole numbers, min <= max.');
      }
      return [{ kind: 'content-length-range', min, max }];
    }
    if ((op === 'eq' || op === 'starts-with') && typeof first === 'string') {
      if (!first.startsWith('$') || typeof second !== 'string') {
        throw invalid(`The ${op} condition needs "$field" and a string.`);
      }
      return [{ kind: op, field: first.slice(1).toLowerCase(), value: second }];
    }
    throw invalid(`Unknown policy condition: ${String(operator)}`);
  }
  if (typeof condition === 'object' && condition !== null) {
    return Object.entries(condition).map(([field, value]) => {
      if (typeof value !== 'string') throw invalid(`The condition on ${field} needs a string.`);
      return { kind: 'eq' as const, field: field.toLowerCase(), value };
    });
  }
  throw invalid('A policy condition is an object or a list.');
}

/**
 * Checks the expiration and every eq / starts-with condition against the form (field names in
 * lower case, `key` already with `${filename}` replaced, `bucket` the bucket's name). A failure is
 * 403 AccessDenied, as COS answers uploads that break their policy.
 */
export function checkPostPolicy(policy: PostPolicy, form: Map<string, string>, now: Date): void {
  if (policy.expiration.getTime() <= now.getTime()) {
    throw new CosError('AccessDenied', 'Invalid according to Policy: Policy expired.');
  }
  for (const condition of policy.conditions) {
    if (condition.kind === 'content-length-range') continue;
    const actual = form.get(condition.field) ?? '';
    const holds =
      condition.kind === 'eq' ? actual === condition.value : actual.startsWith(condition.value);
    if (!holds) {
      throw new CosError(
        'AccessDenied',
        `Invalid according to Policy: Policy Condition failed: ["${condition.kind}", ` +
          `"$${condition.field}", "${condition.value}"]`,
      );
    }
  }
}

/** The tightest content-length-range of the policy, if it has any. */
export function contentLengthRange(policy: PostPolicy | undefined) {
  let range: { min: number; max: number } | undefined;
  for (const c of policy?.conditions ?? []) {
    if (c.kind !== 'content-length-range') continue;
    range = range ? { min: Math.max(range.min, c.min), max: Math.min(range.max, c.max) } : c;
  }
  return range;
}

function invalid(message: string): CosError {
  return new CosError('InvalidPolicyDocument', message);
}
