/** The portal's header and footer (components/Shell.tsx): checked against the schema by queries.test.ts. */
export const PORTAL_FRAME = `query($s: ID) { portalFrame(selectionId: $s) {
  agencyCode name address phone email website serviceHours logoUrl } }`;
