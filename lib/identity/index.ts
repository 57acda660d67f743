export { normalizeEmail } from './email';
export { normalizePhone, type CountryCode } from './phone';
export { nameTokens, foldText } from './name';
