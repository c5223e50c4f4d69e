/** Selection fields for the re-announcement links (components/Reannouncement.tsx); spliced into queries, so checked by queries.test.ts. */
export const REANNOUNCEMENT_FIELDS = `
  reannouncementOf { selectionId vacancyId selection { id title } }
  vacancies { id position followUp { id kind workflowId selection { id title } } }
`;
