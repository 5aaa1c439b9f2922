/** A page of a listing: the items taken and whether more follow. */
export interface Page<T> {
  items: T[];
  isTruncated: boolean;
}

/**
 * Takes up to `max` items and peeks one more to decide IsTruncated, so a page costs its own
 * length plus one index visit. A page of 0 is never truncated (nothing was listed to resume from).
 */
export function takePage<T>(items: Iterable<T>, max: number): Page<T> {
  const taken: T[] = [];
  if (max <= 0) return { items: taken, isTruncated: false };
  for (const item of items) {
    if (taken.length === max) return { items: taken, isTruncated: true };
    taken.push(item);
  }
  return { items: taken, isTruncated: false };
}
