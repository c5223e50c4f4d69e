/** Imports of ASN data of every kind (Kelola → Impor data ASN). */
import { graphql } from '../graphql';
/** What the list of recent imports shows of each. */
const IMPORT_SUMMARY = graphql(`
  fragment ProfileImportSummaryFields on ProfileImport {
    id
    kind
    status
    rows
    fileName
    byName
    createdAt
    counts {
      new
      changed
      unchanged
      refused
    }
    committed {
      new
      changed
      unchanged
      refused
    }
  }
`);

const IMPORT = graphql(
  `
    fragment ProfileImportFields on ProfileImport {
      ...ProfileImportSummaryFields
      chunkCount
      chunksDone
      percent
      errors {
        line
        column
        message
      }
      committedAt
    }
  `,
  [IMPORT_SUMMARY],
);

export const PREVIEW_PROFILE_IMPORT = graphql(
  `
    mutation PreviewProfileImport($agencyCode: String!, $file: File, $kind: ImportKind) {
      previewProfileImport(agencyCode: $agencyCode, file: $file, kind: $kind) {
        ...ProfileImportFields
      }
    }
  `,
  [IMPORT],
);

export const CONFIRM_PROFILE_IMPORT = graphql(
  `
    mutation ConfirmProfileImport($importId: ID!) {
      confirmProfileImport(importId: $importId) {
        ...ProfileImportFields
      }
    }
  `,
  [IMPORT],
);

export const PROFILE_IMPORT = graphql(
  `
    query ProfileImport($id: ID!) {
      profileImport(id: $id) {
        ...ProfileImportFields
      }
    }
  `,
  [IMPORT],
);

export const PROFILE_IMPORTS = graphql(
  `
    query ProfileImports($agencyCode: String!, $kind: ImportKind) {
      profileImports(agencyCode: $agencyCode, kind: $kind, first: 10) {
        edges {
          node {
            ...ProfileImportSummaryFields
          }
        }
      }
    }
  `,
  [IMPORT_SUMMARY],
);
