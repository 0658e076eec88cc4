/** Social security card (社保卡) over PC/SC: parser, procedure, transport and driver, kept apart. */
export { SocialSecurityCardReaderDriver, type SocialSecurityCardReaderOptions } from './driver';
export { SocialSecurityCardError, isSocialSecurityCardError, SSC_ERROR_CODES, type SscErrorCode } from './errors';
export { SOCIAL_SECURITY_CARD_MESSAGES } from './messages';
