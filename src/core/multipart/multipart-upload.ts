import { ContentHeaders, ObjectAcl, StoredBody, Tag } from '../model/object-version';
import type { EncryptionChoice } from '../../sse/encryption-choice';

/** One uploaded part. */
export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
  lastModified: Date;
  body: StoredBody;
}

/** A multipart upload in progress; its settings are fixed at Initiate. */
export interface MultipartUpload {
  uploadId: string;
  key: string;
  initiated: Date;
  storageClass: string;
  contentHeaders: ContentHeaders;
  userMetadata: Record<string, string>;
  acl?: ObjectAcl;
  tags: Tag[];
  /** Encryption decided at Initiate; every part is stored with it. */
  encryption?: EncryptionChoice;
  parts: Map<number, UploadedPart>;
}
