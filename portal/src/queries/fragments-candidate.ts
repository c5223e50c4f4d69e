/** Field lists of a candidate's ASN profile, spread by the candidate's own page and the staff's dispute queue. */
import { graphql } from '../graphql';

/** The profile as imported (identity, education, careers, SKP). */
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
