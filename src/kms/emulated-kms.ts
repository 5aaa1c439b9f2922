import { randomBytes, randomUUID } from 'crypto';
import { Clock } from '../core/clock';
import { CosError } from '../errors';
import { unwrapKey, wrapKey } from '../sse/key-wrap';
import { CreateKmsKeyInput, GeneratedDataKey, KmsKeyMetadata, KmsKeyState } from './kms-key';

interface KmsKey {
  metadata: KmsKeyMetadata;
  material: Buffer;
}

const ALIAS_PREFIX = 'alias/';
const DEFAULT_PENDING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const BLOB_VERSION = 1;

/**
 * An in-process stand-in for Tencent Cloud KMS (reference 9.3): CMKs per region, a default CMK
 * per region created on first use, the three states, and the two calls COS makes for SSE-KMS,
 * GenerateDataKey (write) and Decrypt (read). Failures are the COS-side codes (reference 5.5).
 */
export class EmulatedKms {
  private readonly keys = new Map<string, KmsKey>();
  private readonly defaults = new Map<string, string>();

  /** `servesRegion`: CMKs can only live in the regions the emulator serves. */
  constructor(
    private readonly clock: Clock,
    private readonly servesRegion: (region: string) => boolean = () => true,
  ) {}

  createKey(input: CreateKmsKeyInput): KmsKeyMetadata {
    if (!this.servesRegion(input.region)) {
      throw new CosError('InvalidRegionName', `The region ${input.region} is not served here.`);
    }
    const alias = input.alias === undefined ? undefined : aliasName(input.alias);
    if (alias !== undefined && this.findByAlias(input.region, alias)) {
      throw new CosError('KmsException', `The alias ${alias} already exists in ${input.region}.`);
    }
    const keyId = input.keyId ?? randomUUID();
    if (this.keys.has(keyId)) throw new CosError('KmsException', `The key ${keyId} exists.`);
    const metadata: KmsKeyMetadata = {
      KeyId: keyId,
      Alias: alias,
      Description: input.description ?? '',
      KeyState: input.state ?? 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Region: input.region,
      CreateTime: Math.floor(this.clock.now().getTime() / 1000),
      IsDefault: false,
    };
    if (metadata.KeyState === 'PendingDelete') metadata.DeletionDate = this.deletionDate();
    this.keys.set(keyId, { metadata, material: randomBytes(32) });
    return { ...metadata };
  }

  hasKey(keyId: string): boolean {
    this.purgeDeleted();
    return this.keys.has(keyId);
  }

  /** Whether `alias/<name>` names a key in the region. */
  hasAlias(region: string, alias: string): boolean {
    this.purgeDeleted();
    return this.findByAlias(region, aliasName(alias)) !== undefined;
  }

  /** Takes a key out at once, with no pending window (a failed fixture seed undoing itself). */
  removeKey(keyId: string): void {
    this.keys.delete(keyId);
  }

  /** Keys, optionally of one region, oldest first. */
  listKeys(region?: string): KmsKeyMetadata[] {
    this.purgeDeleted();
    return [...this.keys.values()]
      .filter((key) => region === undefined || key.metadata.Region === region)
      .map((key) => ({ ...key.metadata }));
  }

  /** A key by id or `alias/<name>`; in `region` when one is given. KmsKeyNotExist otherwise. */
  describeKey(keyId: string, region?: string): KmsKeyMetadata {
    return { ...this.find(keyId, region).metadata };
  }

  /** The region's default CMK, created on first use (real COS creates one per account/region). */
  defaultKeyId(region: string): string {
    const existing = this.defaults.get(region);
    if (existing && this.keys.has(existing)) return existing;
    const created = this.createKey({ region, description: 'Default CMK created by COS' });
    this.keys.get(created.KeyId)!.metadata.IsDefault = true;
    this.defaults.set(region, created.KeyId);
    return created.KeyId;
  }

  enableKey(keyId: string): KmsKeyMetadata {
    return this.transition(keyId, ['Disabled'], 'Enabled');
  }

  disableKey(keyId: string): KmsKeyMetadata {
    return this.transition(keyId, ['Enabled'], 'Disabled');
  }

  /** PendingDelete for `pendingWindowInDays` (KMS allows 7 to 30); the key goes once it passes. */
  scheduleKeyDeletion(keyId: string, pendingWindowInDays = DEFAULT_PENDING_DAYS): KmsKeyMetadata {
    const days = pendingWindowInDays;
    if (!Number.isInteger(days) || days < 7 || days > 30) {
      throw new CosError('KmsException', 'PendingWindowInDays must be an integer from 7 to 30.');
    }
    const key = this.find(keyId);
    this.transition(keyId, ['Enabled', 'Disabled'], 'PendingDelete');
    key.metadata.DeletionDate = this.deletionDate(pendingWindowInDays);
    return { ...key.metadata };
  }

  /** Back to Disabled, as Tencent KMS does after CancelKeyDeletion. */
  cancelKeyDeletion(keyId: string): KmsKeyMetadata {
    const key = this.find(keyId);
    this.transition(keyId, ['PendingDelete'], 'Disabled');
    delete key.metadata.DeletionDate;
    return { ...key.metadata };
  }

  /** The id a usable key resolves to, for a write in `region`; the KMS failure otherwise. */
  usableKeyId(region: string, keyId: string): string {
    const key = this.find(keyId, region);
    assertEnabled(key.metadata);
    return key.metadata.KeyId;
  }

  generateDataKey(region: string, keyId: string, encryptionContext = ''): GeneratedDataKey {
    const key = this.find(keyId, region);
    assertEnabled(key.metadata);
    const plaintext = randomBytes(32);
    const id = Buffer.from(key.metadata.KeyId, 'utf8');
    const aad = Buffer.from(`${region}\n${encryptionContext}`, 'utf8');
    const wrapped = wrapKey(key.material, plaintext, aad);
    const header = Buffer.from([BLOB_VERSION, id.length]);
    return {
      keyId: key.metadata.KeyId,
      plaintext,
      ciphertextBlob: Buffer.concat([header, id, wrapped]),
    };
  }

  /**
   * The data key in a CiphertextBlob; fails while its CMK is not Enabled. Blobs only come from
   * stored object versions, so one that does not parse or unwrap is damage at rest: 500
   * InternalError, like damaged SSE-COS and SSE-C keys, not a KMS answer about the CMK.
   */
  decrypt(region: string, ciphertextBlob: Buffer, encryptionContext = ''): Buffer {
    const idLength = ciphertextBlob[1] ?? 0;
    if (ciphertextBlob[0] !== BLOB_VERSION || ciphertextBlob.length < 2 + idLength) {
      throw new CosError('InternalError', 'The stored data key of this object is damaged.');
    }
    const keyId = ciphertextBlob.subarray(2, 2 + idLength).toString('utf8');
    const key = this.find(keyId, region);
    assertEnabled(key.metadata);
    const aad = Buffer.from(`${region}\n${encryptionContext}`, 'utf8');
    const plaintext = unwrapKey(key.material, ciphertextBlob.subarray(2 + idLength), aad);
    if (!plaintext) {
      throw new CosError('InternalError', 'The stored data key of this object is damaged.');
    }
    return plaintext;
  }

  clear(): void {
    this.keys.clear();
    this.defaults.clear();
  }

  private transition(keyId: string, from: KmsKeyState[], to: KmsKeyState): KmsKeyMetadata {
    const key = this.find(keyId);
    if (key.metadata.KeyState !== to && !from.includes(key.metadata.KeyState)) {
      throw new CosError(
        'KmsException',
        `The key ${key.metadata.KeyId} is ${key.metadata.KeyState} and cannot become ${to}.`,
      );
    }
    key.metadata.KeyState = to;
    return { ...key.metadata };
  }

  /**
   * Keys are regional: a key of another region is not found (KmsKeyNotExist), which is what a
   * regional KMS endpoint would answer when COS asks it about a foreign key id.
   */
  private find(keyId: string, region?: string): KmsKey {
    this.purgeDeleted();
    const key = keyId.startsWith(ALIAS_PREFIX)
      ? this.findByAlias(region, keyId)
      : this.keys.get(keyId);
    if (!key || (region !== undefined && key.metadata.Region !== region)) {
      const where = region === undefined ? '' : ` in region ${region}`;
      throw new CosError('KmsKeyNotExist', `The KMS key ${keyId} does not exist${where}.`);
    }
    return key;
  }

  private findByAlias(region: string | undefined, alias: string): KmsKey | undefined {
    for (const key of this.keys.values()) {
      const inRegion = region === undefined || key.metadata.Region === region;
      if (inRegion && key.metadata.Alias === alias) return key;
    }
    return undefined;
  }

  private deletionDate(days = DEFAULT_PENDING_DAYS): number {
    return Math.floor((this.clock.now().getTime() + days * DAY_MS) / 1000);
  }

  /** Keys whose pending window has passed on the emulator clock are gone for good. */
  private purgeDeleted(): void {
    const now = this.clock.now().getTime() / 1000;
    for (const [id, key] of this.keys) {
      const date = key.metadata.DeletionDate;
      if (key.metadata.KeyState === 'PendingDelete' && date !== undefined && date <= now) {
        this.keys.delete(id);
      }
    }
  }
}

/** `name` and `alias/name` are the same alias. */
export function aliasName(alias: string): string {
  return alias.startsWith(ALIAS_PREFIX) ? alias : `${ALIAS_PREFIX}${alias}`;
}

function assertEnabled(metadata: KmsKeyMetadata): void {
  if (metadata.KeyState === 'Disabled') {
    throw new CosError('KmsKeyDisabled', `The KMS key ${metadata.KeyId} is disabled.`);
  }
  if (metadata.KeyState === 'PendingDelete') {
    throw new CosError('KmsException', `The KMS key ${metadata.KeyId} is pending deletion.`);
  }
}
