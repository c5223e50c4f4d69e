/** Profile imports (Kelola → Impor data ASN). */
const IMPORT = `id status rows fileName byName createdAt chunkCount chunksDone percent
  counts { new changed unchanged refused } errors { line column message }
  committed { new changed unchanged refused } committedAt`;

export const PREVIEW_PROFILE_IMPORT = `mutation PreviewProfileImport($agencyCode: String!, $file: File) {
  previewProfileImport(agencyCode: $agencyCode, file: $file) { ${IMPORT} }
}`;

export const CONFIRM_PROFILE_IMPORT = `mutation ConfirmProfileImport($importId: ID!) {
  confirmProfileImport(importId: $importId) { ${IMPORT} }
}`;

export const PROFILE_IMPORT = `query ProfileImport($id: ID!) {
  profileImport(id: $id) { ${IMPORT} }
}`;

export const PROFILE_IMPORTS = `query ProfileImports($agencyCode: String!) {
  profileImports(agencyCode: $agencyCode, first: 10) {
    edges { node { id status rows fileName byName createdAt counts { new changed unchanged refused }
      committed { new changed unchanged refused } } }
  }
}`;
