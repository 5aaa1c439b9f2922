import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { CosError } from '../errors';

/** A parsed request element: its name, text and child elements (namespaces dropped). */
export class XmlElement {
  constructor(
    readonly name: string,
    readonly text: string,
    readonly children: XmlElement[],
  ) {}

  child(name: string): XmlElement | undefined {
    return this.children.find((c) => c.name === name);
  }

  all(name: string): XmlElement[] {
    return this.children.filter((c) => c.name === name);
  }

  /** Text of a child element, or undefined when absent. */
  textOf(name: string): string | undefined {
    return this.child(name)?.text;
  }

  /** Text of a child element that must be present, else MalformedXML. */
  requireText(name: string): string {
    const text = this.textOf(name);
    if (text === undefined) throw new CosError('MalformedXML', `Missing element <${name}>.`);
    return text;
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedNode = Record<string, unknown>;

/**
 * Parses a request body. DTDs are refused outright, so no entity is ever expanded and nothing
 * external is read; only the five predefined XML entities are decoded.
 */
export function parseXml(text: string, expectedRoots: string | string[]): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new CosError('MalformedXML', 'Document type declarations are not allowed.');
  }
  if (XMLValidator.validate(text) !== true) throw new CosError('MalformedXML');
  const nodes = parser.parse(text) as OrderedNode[];
  const elements = toElements(nodes);
  const roots = Array.isArray(expectedRoots) ? expectedRoots : [expectedRoots];
  if (elements.length !== 1 || !roots.includes(elements[0].name)) {
    throw new CosError('MalformedXML', `The root element must be <${roots[0]}>.`);
  }
  return elements[0];
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const content = node[name] as OrderedNode[];
    const children = toElements(content);
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    elements.push(new XmlElement(name, children.length > 0 ? text.trim() : text, children));
  }
  return elements;
}

/** A response body value: text, a nested element, or repeated elements. */
export type XmlValue = string | number | boolean | XmlObject | XmlObject[] | string[] | undefined;
export interface XmlObject {
  [element: string]: XmlValue;
}

/**
 * Serialises a response document. Undefined values are left out; booleans become the lower-case
 * `true`/`false` the SDK compares against; text is never padded (the SDK does not trim).
 */
export function buildXml(root: string, content: XmlObject): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele({ [root]: clean(content) });
  return doc.end({ prettyPrint: false });
}

function clean(value: XmlObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item)) {
      out[name] = (item as Array<XmlObject | string>).map((e) =>
        typeof e === 'string' ? e : clean(e),
      );
    } else if (typeof item === 'object') out[name] = clean(item);
    else out[name] = String(item);
  }
  return out;
}
