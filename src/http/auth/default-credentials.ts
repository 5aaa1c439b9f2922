/**
 * The key pair every emulator accepts unless configured otherwise. Not a secret: it is published
 * so that tests and examples can sign requests without setup.
 */
export const DEFAULT_SECRET_ID = 'AKIDCOSEMULATOR00000000000000000000';
export const DEFAULT_SECRET_KEY = 'cos-emulator-secret-key-000000000';
