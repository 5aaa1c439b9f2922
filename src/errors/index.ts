export { ERROR_CATALOGUE, ErrorCode } from './catalogue';
export { CosError, ErrorDetails, isCosError, notImplemented } from './cos-error';
