/**
 * A problem with the file as a whole (empty, not JSON, columns can't be told apart), as
 * opposed to a RowError about one row. The message is written for the person importing.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
