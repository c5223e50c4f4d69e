/** A selection's applicants, one page, searched and sorted on the gateway (the dashboard's "Lamaran" table). */
import { graphql } from '../graphql';

export const SELECTION_APPLICANTS = graphql(`
  query SelectionApplicants($id: ID!, $first: Int, $after: String, $search: String, $sort: String, $desc: Boolean) {
    selection(id: $id) {
      id
      applications(first: $first, after: $after, search: $search, sort: $sort, desc: $desc) {
        totalCount
        edges {
          node {
            id
            candidateId
            candidateName
            status
            submittedAt
            vacancy {
              id
              position
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
