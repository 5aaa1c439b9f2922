/** The query string of a request as ordered, decoded pairs; repeated names are kept. */
export class QueryParams {
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  private readonly byName = new Map<string, string>();

  constructor(rawQuery: string) {
    const pairs: Array<[string, string]> = [];
    for (const part of rawQuery.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
      pairs.push([name, value]);
      if (!this.byName.has(name)) this.byName.set(name, value);
    }
    this.pairs = pairs;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): string | undefined {
    return this.byName.get(name);
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }
}

/** Like decodeURIComponent, with `+` as a space (form encoding) and no throw on bad escapes. */
export function decodeComponent(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
