/**
 * The nine-box grid's documents typed by gql.tada: the grid's fields (a fragment the map query can spread)
 * and one page of a box's people (box set) or of the employees who could not be mapped (unmapped true).
 */
import { graphql } from '../graphql';

export const TALENT_MAP_GRID_FIELDS = graphql(`
  fragment TalentMapGridFields on TalentMap {
    agencyCode
    period
    numbering
    total
    mapped
    unmapped
    poolCount
    previousPeriod
    grid {
      potential
      potentialName
      cells {
        box
        name
        potential
        performance
        inPool
        count
        share
        previousCount
        change
      }
    }
  }
`);

export const TALENT_MAP_BOX_PEOPLE = graphql(`
  query TalentMapBoxPeople(
    $agencyCode: String!
    $period: String!
    $box: Int
    $unmapped: Boolean
    $first: Int
    $after: String
  ) {
    talentMap(agencyCode: $agencyCode, period: $period) {
      entries(box: $box, unmapped: $unmapped, first: $first, after: $after) {
        edges {
          node {
            id
            employeeId
            employeeName
            nip
            position
            box
            performance
            potential
            performanceScore
            potentialScore
            score
            missing
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
