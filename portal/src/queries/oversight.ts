/**
 * GraphQL operations of the oversight page (/kelola/pengawasan): counts by stage, what waits on whom, each
 * agency's line and the integrity signals. Checked against gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';
import { PAGE_INFO_FIELDS } from './fragments';

export const OVERSIGHT_PAGE = graphql(
  `
    query OversightPage(
      $agencyCode: String
      $first: Int
      $after: String
      $onlyOverdue: Boolean
      $from: LocalDate
      $to: LocalDate
      $panselThreshold: Int
    ) {
      oversight(agencyCode: $agencyCode) {
        agencyCode
        openRounds
        overdueCount
        silenceApproachingCount
        truncated
        stageCounts {
          agencyCode
          stage
          stageName
          count
        }
        talentFillingStages {
          agencyCode
          stage
          stageName
          count
        }
        waiting(first: $first, after: $after, onlyOverdue: $onlyOverdue) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              selectionId
              agencyCode
              title
              stage
              dueAt
              waitingOn
              waitingOnName
              overdue
              silenceApproaching
            }
          }
        }
        agencies(first: 100) {
          totalCount
          edges {
            node {
              agencyCode
              name
              openRounds
              waiting
              overdue
              silenceApproaching
              meritCategoryName
              meritIndex
              ipAsnAverage
              ipAsnCategoryName
              ipAsnPeriod
            }
          }
        }
        signals(from: $from, to: $to, panselThreshold: $panselThreshold) {
          signal
          name
          coverage
          total
          truncated
          counts {
            agencyCode
            period
            count
          }
        }
      }
    }
  `,
  [PAGE_INFO_FIELDS],
);

export const OVERSIGHT_SIGNAL = graphql(
  `
    query OversightSignal(
      $agencyCode: String
      $signal: IntegritySignal!
      $first: Int
      $after: String
      $from: LocalDate
      $to: LocalDate
      $panselThreshold: Int
    ) {
      oversight(agencyCode: $agencyCode) {
        signal(signal: $signal, first: $first, after: $after, from: $from, to: $to, panselThreshold: $panselThreshold) {
          totalCount
          truncated
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              id
              agencyCode
              selectionId
              subjectId
              at
              who
              detail
              reason
              rounds
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO_FIELDS],
);
