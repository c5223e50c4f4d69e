export { startDocumentService, type DocumentServiceOptions } from './app';
export { documentConfigSchema, loadDocumentConfig, type DocumentConfig } from './config';
export { DOCUMENT_CLASSES, formatDocumentNumber } from './numbering';
export { VERIFICATION_ALPHABET, normalizeVerificationCode } from './verification-code';
