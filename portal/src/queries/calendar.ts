/** The holiday calendar (national, per year) and an agency's regional days off. */
import { graphql } from '../graphql';

export const HOLIDAY_YEARS = graphql(`
  query HolidayYears {
    holidayCalendarYears(first: 50) {
      edges {
        node {
          year
          provisional
          skbNumber
          skbDate
          revision
        }
      }
    }
  }
`);

export const HOLIDAY_YEAR = graphql(`
  query HolidayYear($y: Int!) {
    holidayCalendar(year: $y) {
      year
      provisional
      skbNumber
      skbDate
      source
      revision
      updatedAt
      holidays {
        date
        name
        provisional
      }
      cutiBersama {
        date
        name
      }
    }
  }
`);

export const AMEND_HOLIDAY_YEAR = graphql(`
  mutation AmendHolidayYear(
    $y: Int!
    $h: [DayOffInput!]!
    $c: [DayOffInput!]!
    $s: String!
    $n: String
    $t: String
    $r: String!
  ) {
    amendHolidayCalendar(year: $y, holidays: $h, cutiBersama: $c, source: $s, skbNumber: $n, skbDate: $t, reason: $r) {
      year {
        year
        provisional
        revision
      }
      runningSelectionsNotified
    }
  }
`);

export const REGIONAL_HOLIDAYS = graphql(`
  query RegionalHolidays($a: ID!) {
    regionalHolidays(agencyCode: $a) {
      agencyCode
      revision
      days {
        date
        name
        basis
      }
    }
  }
`);

export const SET_REGIONAL_HOLIDAYS = graphql(`
  mutation SetRegionalHolidays($a: ID!, $d: [RegionalDayOffInput!]!, $r: String!) {
    setRegionalHolidays(agencyCode: $a, days: $d, reason: $r) {
      regional {
        revision
      }
      runningSelectionsNotified
    }
  }
`);
