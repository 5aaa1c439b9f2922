import { deleteObject } from '../../core/objects/delete-object';
import { CosError } from '../../errors';
import { RequestContext } from '../context';
import { readXmlBody } from '../request-body';
import { sendXml } from '../respond';
import { XmlElement, XmlObject } from '../xml';

const MAX_OBJECTS = 1000;
const MAX_KEY_BYTES = 850;

interface DeleteTarget {
  key: string;
  versionId?: string;
}

/**
 * POST /?delete (reference 4.12): each object is deleted as DELETE Object would. Keys that do
 * not exist count as deleted; with Quiet only errors are listed.
 */
export async function deleteMultipleObjects(ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket();
  const request = await readXmlBody(ctx, 'Delete');
  const { targets, quiet } = readDeleteRequest(request);

  const deleted: XmlObject[] = [];
  const errors: XmlObject[] = [];
  for (const target of targets) {
    if (Buffer.byteLength(target.key) > MAX_KEY_BYTES) {
      errors.push(errorEntry(target, new CosError('KeyTooLong')));
      continue;
    }
    const outcome = deleteObject(ctx.service, bucket, target.key, target.versionId);
    if (quiet) continue;
    const markerId = outcome.deleteMarker ? outcome.versionId : undefined;
    deleted.push({
      Key: target.key,
      VersionId: target.versionId,
      DeleteMarker: outcome.deleteMarker ? true : undefined,
      DeleteMarkerVersionId: markerId,
    });
  }

  sendXml(ctx, 'DeleteResult', { Deleted: deleted, Error: errors });
}

function readDeleteRequest(request: XmlElement): { targets: DeleteTarget[]; quiet: boolean } {
  const objects = request.all('Object');
  if (objects.length === 0 || objects.length > MAX_OBJECTS) {
    throw new CosError('MalformedXML', `A Delete request names 1 to ${MAX_OBJECTS} objects.`);
  }
  const quietText = request.textOf('Quiet');
  if (quietText !== undefined && !/^(true|false)$/i.test(quietText.trim())) {
    throw new CosError('MalformedXML', 'Quiet must be true or false.');
  }
  const targets = objects.map((object) => {
    const key = object.requireText('Key');
    if (key === '') throw new CosError('MalformedXML', 'An object Key cannot be empty.');
    const versionId = object.textOf('VersionId');
    return { key, versionId: versionId === '' ? undefined : versionId };
  });
  return { targets, quiet: quietText?.trim().toLowerCase() === 'true' };
}

function errorEntry(target: DeleteTarget, error: CosError): XmlObject {
  return {
    Key: target.key,
    Code: error.code,
    Message: error.message,
    VersionId: target.versionId,
  };
}
