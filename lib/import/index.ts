export { stableHash } from './hash';
export { naturalKey, customerKey } from './keys';
export { parseDate, guessDateOrder, type DateOrder, type ParsedDate } from './dates';
export { toChannel } from './channel';
export { ImportFileError } from './errors';
export {
  parseCsv,
  uniqueHeaders,
  delimiterName,
  CSV_DELIMITERS,
  MAX_QUOTED_CHARS,
  type CsvDelimiter,
  type CsvChunk,
  type CsvMeta,
  type CsvOptions,
  type RawRow,
} from './csv';
export { parseJson, type JsonParse } from './json';
export { suggestMapping, checkMapping, mapRow, namePart, normalizeHeader, type MapOptions, type MapResult, type NamePart } from './mapping';
export {
  importFile,
  previewFile,
  detectFormat,
  fileFingerprint,
  type ImportFormat,
  type ImportOptions,
  type BatchInfo,
  type ImportProgress,
  type ImportSummary,
  type FilePreview,
} from './driver';
export type { ImportInput } from './source';
