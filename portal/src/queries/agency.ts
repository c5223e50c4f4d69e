/** Agency records (pages/staff/AgenciesPage.tsx): checked against the schema by queries.test.ts. */
import { graphql } from '../graphql';
const AGENCY_FIELDS = graphql(`
  fragment AgencyFields on Agency {
    code
    name
    kind
    region
    electionRegionId
    province
    city
    timeZone
    address
    addressLines
    phone
    email
    website
    serviceHours
    version
    logo {
      contentType
      width
      height
      bytes
    }
    registers {
      documentClass
      pattern
    }
    officials {
      role
      name
      title
      nip
    }
    selectionOfficials {
      selectionId
      chair {
        name
        title
        nip
      }
      secretary {
        name
        title
        nip
      }
    }
  }
`);

export const AGENCIES = graphql(
  `
    {
      agencies {
        ...AgencyFields
      }
    }
  `,
  [AGENCY_FIELDS],
);
export const AGENCY = graphql(
  `
    query ($c: ID!) {
      agency(agencyCode: $c) {
        ...AgencyFields
      }
    }
  `,
  [AGENCY_FIELDS],
);
export const CREATE_AGENCY = graphql(`
  mutation ($c: ID!, $i: AgencySettingsInput!) {
    createAgency(code: $c, input: $i) {
      code
    }
  }
`);
export const UPDATE_AGENCY = graphql(`
  mutation ($c: ID!, $i: AgencySettingsInput!) {
    updateAgency(agencyCode: $c, input: $i) {
      code
    }
  }
`);
export const SET_AGENCY_OFFICIALS = graphql(`
  mutation ($c: ID!, $o: [AgencyOfficialInput!]!) {
    setAgencyOfficials(agencyCode: $c, officials: $o) {
      code
    }
  }
`);
export const UPLOAD_AGENCY_LOGO = graphql(`
  mutation ($c: ID!, $f: File) {
    uploadAgencyLogo(agencyCode: $c, file: $f) {
      code
    }
  }
`);
export const AGENCY_CHANGES = graphql(`
  query ($c: ID!) {
    agencyChanges(agencyCode: $c) {
      id
      kind
      version
      byName
      byRole
      at
      before
      after
    }
  }
`);
export const SET_SELECTION_OFFICIALS = graphql(`
  mutation ($c: ID!, $s: ID!, $chair: OfficialInput, $secretary: OfficialInput) {
    setSelectionOfficials(agencyCode: $c, selectionId: $s, chair: $chair, secretary: $secretary) {
      code
    }
  }
`);
/** The agency's rounds to pick from when recording their Pansel chair and secretary. */
export const AGENCY_SELECTIONS = graphql(`
  query ($c: String!) {
    selections(first: 100, agencyCode: $c) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);
