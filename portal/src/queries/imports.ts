/** Imports of ASN data of every kind (Kelola → Impor data ASN). */
const IMPORT = `id kind status rows fileName byName createdAt chunkCount chunksDone percent
  counts { new changed unchanged refused } errors { line column message }
  committed { new changed unchanged refused } committedAt`;

export const PREVIEW_PROFILE_IMPORT = `mutation PreviewProfileImport($agencyCode: String!, $file: File, $kind: ImportKind) {
  previewProfileImport(agencyCode: $agencyCode, file: $file, kind: $kind) { ${IMPORT} }
}`;

export const CONFIRM_PROFILE_IMPORT = `mutation ConfirmProfileImport($importId: ID!) {
  confirmProfileImport(importId: $importId) { ${IMPORT} }
}`;

export const PROFILE_IMPORT = `query ProfileImport($id: ID!) {
  profileImport(id: $id) { ${IMPORT} }
}`;

export const PROFILE_IMPORTS = `query ProfileImports($agencyCode: String!, $kind: ImportKind) {
  profileImports(agencyCode: $agencyCode, kind: $kind, first: 10) {
    edges { node { id kind status rows fileName byName createdAt counts { new changed unchanged refused }
      committed { new changed unchanged refused } } }
  }
}`;
