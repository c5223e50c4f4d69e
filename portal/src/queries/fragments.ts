/**
 * Field lists that more than one query file asks for, declared once as gql.tada fragments (the pages read
 * their fields straight from the answers: masking is off in graphql.ts).
 */
import { graphql } from '../graphql';

/** Where a page of a connection ends: every paged list reads the same two fields. */
export const PAGE_INFO_FIELDS = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A round as the staff's lists show it (Kelola seleksi, Seleksi saya). */
export const SELECTION_LIST_FIELDS = graphql(`
  fragment SelectionListFields on Selection {
    id
    title
    stage
    agencyCode
    announcementDate
    registrationClosesAt
    simulation
    vacancies {
      id
      position
      level
    }
    stageHistory {
      stage
      at
      expectedNextAt
    }
  }
`);

/** A pilkada window (from, to, the region's label): on an agency's windows, a report duty, a talent filling. */
export const ELECTION_WINDOW_FIELDS = graphql(`
  fragment ElectionWindowFields on ElectionWindow {
    from
    to
    label
  }
`);

/** An ASN profile as the candidate confirms it and the secretariat sees it in a dispute. */
export const PROFILE_FIELDS = graphql(`
  fragment ProfileFields on Profile {
    id
    nip
    name
    rank
    agencyCode
    agencyName
    education
    educationMajor
    lhkpnFiled
    disciplinarySanction
    careers {
      position
      positionKind
      unit
      agencyCode
      from
      to
      fields
    }
    skp {
      year
      predicate
    }
  }
`);
