/** Imports of ASN data of every kind (Kelola → Impor data ASN). */
import { graphql } from '../graphql';
const IMPORT = graphql(`
  fragment ProfileImportFields on ProfileImport {
    id
    kind
    status
    rows
    fileName
    byName
    createdAt
    chunkCount
    chunksDone
    percent
    counts {
      new
      changed
      unchanged
      refused
    }
    errors {
      line
      column
      message
    }
    committed {
      new
      changed
      unchanged
      refused
    }
    committedAt
  }
`);

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

export const PROFILE_IMPORTS = graphql(`
  query ProfileImports($agencyCode: String!, $kind: ImportKind) {
    profileImports(agencyCode: $agencyCode, kind: $kind, first: 10) {
      edges {
        node {
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
      }
    }
  }
`);
