import { CosError } from '../../errors';
import { Tag } from '../model/object-version';

/** COS limits: 50 tags on a bucket, 10 on an object; keys up to 128 and values up to 256 chars. */
export const MAX_BUCKET_TAGS = 50;
export const MAX_OBJECT_TAGS = 10;
const MAX_KEY_CHARS = 128;
const MAX_VALUE_CHARS = 256;

/** Checks a tag set before it replaces the old one; any fault is InvalidTag. */
export function validateTagSet(tags: Tag[], maxTags: number): Tag[] {
  if (tags.length > maxTags) {
    throw new CosError('InvalidTag', `At most ${maxTags} tags are allowed.`);
  }
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.key === '' || [...tag.key].length > MAX_KEY_CHARS) {
      throw new CosError('InvalidTag', `A tag key has 1 to ${MAX_KEY_CHARS} characters.`);
    }
    if ([...tag.value].length > MAX_VALUE_CHARS) {
      throw new CosError('InvalidTag', `A tag value has at most ${MAX_VALUE_CHARS} characters.`);
    }
    if (seen.has(tag.key)) throw new CosError('InvalidTag', `Duplicate tag key: ${tag.key}`);
    seen.add(tag.key);
  }
  return tags;
}
