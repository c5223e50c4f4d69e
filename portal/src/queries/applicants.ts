/** A selection's applicants, one page, searched and sorted on the gateway (the dashboard's "Lamaran" table). */
export const SELECTION_APPLICANTS = `query SelectionApplicants(
  $id: ID!, $first: Int, $after: String, $search: String, $sort: String, $desc: Boolean
) {
  selection(id: $id) {
    id
    applications(first: $first, after: $after, search: $search, sort: $sort, desc: $desc) {
      totalCount
      edges { node { id candidateId candidateName status submittedAt vacancy { id position } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export interface SelectionApplicantRow {
  id: string;
  candidateId: string;
  candidateName: string | null;
  status: string;
  submittedAt: string;
  vacancy: { id: string; position: string } | null;
}

export interface SelectionApplicantsData {
  selection: {
    id: string;
    applications: {
      totalCount: number | null;
      edges: { node: SelectionApplicantRow }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}
