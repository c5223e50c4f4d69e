// The talent mapping page's grid (its fields in nine-box.ts), periods and the agencies one may map.

import { graphql } from '../graphql';
import { TALENT_MAP_GRID_FIELDS } from './nine-box';

/** The agencies whose maps the user may read, by name (one for the agency's staff). */
export const TALENT_AGENCIES = `query TalentAgencies { talentAgencies { code name } }`;

export const TALENT_MAP_GRID = graphql(
  `
    query TalentMapGrid($agencyCode: String!, $period: String) {
      talentMap(agencyCode: $agencyCode, period: $period) {
        ...TalentMapGridFields
      }
    }
  `,
  [TALENT_MAP_GRID_FIELDS],
);

/** The mapped periods of an agency, newest first (the period picker of the map). */
export const TALENT_MAP_PERIODS = `query TalentMapPeriods($agencyCode: String!) {
  talentMapPeriods(agencyCode: $agencyCode, first: 50) { edges { node { period total } } }
}`;
