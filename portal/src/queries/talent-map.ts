// The nine-box grid of the talent mapping page, the people of a box and the agencies one may map.

/** The agencies whose maps the user may read, by name (one for the agency's staff). */
export const TALENT_AGENCIES = `query TalentAgencies { talentAgencies { code name } }`;

export const TALENT_MAP_GRID = `query TalentMapGrid($agencyCode: String!, $period: String) {
  talentMap(agencyCode: $agencyCode, period: $period) {
    agencyCode period numbering total mapped unmapped poolCount previousPeriod
    grid { potential potentialName cells { box name potential performance inPool count share previousCount change } }
  }
}`;

/** One page of a box's people (box set) or of the employees who could not be mapped (unmapped true). */
export const TALENT_MAP_PEOPLE = `query TalentMapPeople($agencyCode: String!, $period: String!, $box: Int, $unmapped: Boolean,
  $first: Int, $after: String) {
  talentMap(agencyCode: $agencyCode, period: $period) {
    entries(box: $box, unmapped: $unmapped, first: $first, after: $after) {
      edges { node { id employeeId employeeName nip position box performance potential performanceScore potentialScore
        score missing } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** The mapped periods of an agency, newest first (the period picker of the map). */
export const TALENT_MAP_PERIODS = `query TalentMapPeriods($agencyCode: String!) {
  talentMapPeriods(agencyCode: $agencyCode, first: 50) { edges { node { period total } } }
}`;
