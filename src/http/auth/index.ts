export { authenticate } from './authenticate';
export type { AuthRequest, AuthSettings, Principal } from './types';
export type { CredentialPair, CredentialStore } from './credential-store';
export { StaticCredentialStore } from './credential-store';
export { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from './default-credentials';
export { verifyPostFormSignature } from './post-form-signature';
