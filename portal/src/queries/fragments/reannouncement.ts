import { graphql, type ResultOf } from '../../graphql';

/** Selection fields for the re-announcement links (components/Reannouncement.tsx), composed into queries. */
export const REANNOUNCEMENT_FIELDS = graphql(`
  fragment ReannouncementFields on Selection {
    reannouncementOf {
      selectionId
      vacancyId
      selection {
        id
        title
      }
    }
    vacancies {
      id
      position
      followUp {
        id
        kind
        workflowId
        selection {
          id
          title
        }
      }
    }
  }
`);

export type Reannouncement = ResultOf<typeof REANNOUNCEMENT_FIELDS>;
