/**
 * The spreadsheet kit every import kind builds on: template columns, header mapping, reading a row's
 * cells, validating every row. It grew with the profile import (profiles.ts, where it stays); the other
 * kinds take it from here as one namespace (`import * as sheet from './sheet'`).
 */
export {
  mapImportHeader,
  normalizeHeader,
  parseDateCell,
  rowReader,
  validateImportRows,
  type HeaderResult,
  type ImportCellError,
  type ImportColumn,
  type ImportHeaderMap,
  type ValidatedRows,
} from './profiles';
