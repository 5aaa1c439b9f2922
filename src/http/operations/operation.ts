import { RequestContext } from '../context';

export type Level = 'service' | 'bucket' | 'object';

/** One COS API: where it applies and what runs it. */
export interface Operation {
  /** The COS API name, used in logs and access decisions (e.g. `PutObject`). */
  name: string;
  level: Level;
  method: string;
  /** The sub-resource query parameter that selects it (`versioning`, `uploads`, ...). */
  subresource?: string;
  handler: (ctx: RequestContext) => Promise<void>;
}
