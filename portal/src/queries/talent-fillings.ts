/** The talent fillings' lists and inboxes (the read model the filling's workflow writes) and the President's decree. */

const SUMMARY = `fillingId agencyCode postId position unit level stage route waitingOn waitingSince deadline overdue
  appointedEmployeeId fallbackSelectionId createdAt`;

export const TALENT_FILLING_INBOX = `query TalentFillingInbox($first: Int, $after: String) {
  talentFillingInbox(first: $first, after: $after) {
    edges { node { ${SUMMARY} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const TALENT_FILLINGS = `query TalentFillings($first: Int, $after: String) {
  talentFillings(first: $first, after: $after) {
    edges { node { ${SUMMARY} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const RECORD_TALENT_PRESIDENTIAL_DECISION = `mutation RecordTalentPresidentialDecision($fillingId: ID!,
  $employeeId: ID!, $decreeNumber: String!, $decreeDate: LocalDate!, $justification: String) {
  recordTalentPresidentialDecision(fillingId: $fillingId, employeeId: $employeeId, decreeNumber: $decreeNumber,
    decreeDate: $decreeDate, justification: $justification) {
    decisionId kind at reason
  }
}`;

/** The Home Affairs Minister's written permission to appoint inside a pilkada window (talent route). */
export const RECORD_TALENT_ELECTION_PERMISSION = `mutation RecordTalentElectionPermission($fillingId: ID!,
  $letterNumber: String!, $letterDate: LocalDate!, $scope: String!, $reason: String!) {
  recordTalentElectionPermission(fillingId: $fillingId, letterNumber: $letterNumber, letterDate: $letterDate,
    scope: $scope, reason: $reason) {
    decisionId kind at reason
  }
}`;
