import { CosError, ErrorCode } from '../../errors';
import { RequestContext } from '../context';
import { readSmallBody, readXmlBody } from '../request-body';
import { sendEmpty, sendXml } from '../respond';
import { XmlElement, XmlObject, XmlValue } from '../xml';

/** A bucket configuration stored and returned faithfully, but not enforced. */
export interface StoredConfig {
  apiName: string;
  subresource: string;
  put: (ctx: RequestContext) => Promise<void>;
  get: (ctx: RequestContext) => Promise<void>;
  delete: (ctx: RequestContext) => Promise<void>;
}

interface XmlConfigSpec {
  apiName: string;
  root: string;
  /** Elements the document must have at least one of. */
  requiresOneOf: string[];
  /** 404 code when absent; without one, GET answers an empty document (as the SDK expects). */
  notFound?: ErrorCode;
  /** COS has DELETE for this sub-resource; the others are turned off by a PUT. */
  deletable: boolean;
}

const XML_CONFIGS: XmlConfigSpec[] = [
  {
    apiName: 'Lifecycle',
    root: 'LifecycleConfiguration',
    requiresOneOf: ['Rule'],
    notFound: 'NoSuchLifecycleConfiguration',
    deletable: true,
  },
  {
    apiName: 'Website',
    root: 'WebsiteConfiguration',
    requiresOneOf: ['IndexDocument', 'RedirectAllRequestsTo'],
    notFound: 'NoSuchWebsiteConfiguration',
    deletable: true,
  },
  {
    apiName: 'Domain',
    root: 'DomainConfiguration',
    requiresOneOf: ['DomainRule'],
    // UNCONFIRMED code: no source names the error for a bucket without custom domains.
    notFound: 'NoSuchDomainConfiguration',
    deletable: true,
  },
  // UNCONFIRMED: what COS answers for these when never set; an empty document reads as "off".
  { apiName: 'Referer', root: 'RefererConfiguration', requiresOneOf: ['Status'], deletable: false },
  { apiName: 'Logging', root: 'BucketLoggingStatus', requiresOneOf: [], deletable: false },
  {
    apiName: 'Accelerate',
    root: 'AccelerateConfiguration',
    requiresOneOf: ['Status'],
    deletable: false,
  },
];

function xmlConfig(spec: XmlConfigSpec): StoredConfig {
  const subresource = spec.apiName.toLowerCase();
  return {
    apiName: spec.apiName,
    subresource,
    async put(ctx) {
      const bucket = ctx.bucket();
      const document = await readXmlBody(ctx, spec.root);
      const present = spec.requiresOneOf.some((name) => document.child(name) !== undefined);
      if (spec.requiresOneOf.length > 0 && !present) {
        throw new CosError('MalformedXML', `<${spec.root}> needs <${spec.requiresOneOf[0]}>.`);
      }
      bucket.storedConfigs.set(subresource, document);
      warnNotEnforced(ctx, spec.apiName);
      sendEmpty(ctx, 200);
    },
    async get(ctx) {
      const document = ctx.bucket().storedConfigs.get(subresource) as XmlElement | undefined;
      if (document) return sendXml(ctx, spec.root, elementContent(document));
      if (spec.notFound) throw new CosError(spec.notFound);
      sendXml(ctx, spec.root, {});
    },
    async delete(ctx) {
      if (!spec.deletable) throw new CosError('MethodNotAllowed');
      ctx.bucket().storedConfigs.delete(subresource);
      sendEmpty(ctx, 204);
    },
  };
}

/** The bucket policy: a JSON document, stored as sent and returned on GET. */
const POLICY: StoredConfig = {
  apiName: 'Policy',
  subresource: 'policy',
  async put(ctx) {
    const bucket = ctx.bucket();
    const text = (await readSmallBody(ctx)).toString('utf8');
    if (text.trim() === '') throw new CosError('MissingRequestBodyError');
    let policy: unknown;
    try {
      policy = JSON.parse(text);
    } catch {
      throw new CosError('MalformedPolicy', 'The policy is not valid JSON.');
    }
    const statements = isObject(policy) ? (policy.Statement ?? policy.statement) : undefined;
    if (!Array.isArray(statements) || statements.length === 0) {
      throw new CosError('MalformedPolicy', 'The policy needs a non-empty Statement list.');
    }
    bucket.storedConfigs.set('policy', text);
    warnNotEnforced(ctx, 'Policy');
    sendEmpty(ctx, 200);
  },
  async get(ctx) {
    const text = ctx.bucket().storedConfigs.get('policy') as string | undefined;
    // The Node SDK recognises NoSuchPolicy (not S3's NoSuchBucketPolicy) as "no policy".
    if (text === undefined) throw new CosError('NoSuchPolicy');
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Content-Type', 'application/json');
    ctx.res.setHeader('Content-Length', Buffer.byteLength(text));
    ctx.res.end(text);
  },
  async delete(ctx) {
    ctx.bucket().storedConfigs.delete('policy');
    sendEmpty(ctx, 204);
  },
};

export const STORED_CONFIGS: StoredConfig[] = [POLICY, ...XML_CONFIGS.map(xmlConfig)];

function warnNotEnforced(ctx: RequestContext, apiName: string): void {
  ctx.log.warn(`PutBucket${apiName} on ${ctx.target.bucket}: stored, not enforced`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A parsed document back as response content: the canonical form (no namespaces, no whitespace
 * between elements). Repeated elements are grouped under their first position.
 */
function elementContent(element: XmlElement): XmlObject {
  const content: XmlObject = {};
  for (const child of element.children) {
    const value: XmlObject | string =
      child.children.length > 0 ? elementContent(child) : child.text;
    const existing = content[child.name];
    if (existing === undefined) content[child.name] = value as XmlValue;
    else if (Array.isArray(existing)) (existing as Array<XmlObject | string>).push(value);
    else content[child.name] = [existing, value] as XmlObject[];
  }
  return content;
}
