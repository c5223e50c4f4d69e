/**
 * GraphQL operations of the talent gate page (/kelola/talenta/sistem-merit): the agency's merit-system
 * self-assessment, the overseer's review and approval, and the history of decisions. Checked against
 * gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';

const ASSESSMENT = graphql(`
  fragment MeritAssessmentFields on MeritAssessment {
    id
    agencyCode
    agencyName
    period
    status
    statusName
    version
    submissions
    returnReason
    submittedAt
    validatedAt
    index
    category
    categoryName
    aspects {
      aspect {
        code
        name
        weight
        minScore
        maxScore
      }
      score
      note
      adjustedScore
      adjustmentReason
      effectiveScore
      evidence {
        id
        fileName
        sizeBytes
        downloadUrl
        uploadedAt
      }
    }
  }
`);

const DECISION = graphql(`
  fragment TalentGateDecisionFields on TalentGateDecision {
    decisionId
    kind
    kindName
    assessmentId
    at
    reason
    summary
    by {
      userId
      role
      displayName
    }
  }
`);

export const TALENT_GATE_PAGE = graphql(
  `
    query TalentGatePage($agencyCode: String!) {
      talentGate(agencyCode: $agencyCode) {
        agencyCode
        meritIndexScore
        meritCategoryName
        validatedAssessmentId
        validatedOn
        validatedPeriod
        approval {
          approvedOn
          reference
          at
          by {
            displayName
            userId
          }
        }
        legacy {
          meritIndexScore
          meritAssessedOn
          talentSystemApprovedOn
          talentSystemReference
        }
        needsOverseerValidation
      }
      meritAssessments(agencyCode: $agencyCode) {
        ...MeritAssessmentFields
      }
      talentGateDecisions(agencyCode: $agencyCode) {
        ...TalentGateDecisionFields
      }
    }
  `,
  [ASSESSMENT, DECISION],
);

export const MERIT_ASSESSMENTS_TO_REVIEW = graphql(`
  query MeritAssessmentsToReview {
    meritAssessmentsToReview {
      id
      agencyCode
      agencyName
      period
      submissions
      submittedAt
    }
  }
`);

export const START_MERIT_ASSESSMENT = graphql(`
  mutation StartMeritAssessment($agencyCode: String!, $period: String!) {
    startMeritAssessment(agencyCode: $agencyCode, period: $period) {
      id
    }
  }
`);

export const SAVE_MERIT_ASSESSMENT = graphql(`
  mutation SaveMeritAssessment($id: ID!, $version: Int!, $aspects: [MeritAspectScoreInput!]!) {
    saveMeritAssessment(assessmentId: $id, expectedVersion: $version, aspects: $aspects) {
      id
      version
    }
  }
`);

export const UPLOAD_MERIT_EVIDENCE = graphql(`
  mutation UploadMeritEvidence($id: ID!, $aspectCode: String!, $file: File) {
    uploadMeritEvidence(assessmentId: $id, aspectCode: $aspectCode, file: $file) {
      id
      fileName
    }
  }
`);

export const SUBMIT_MERIT_ASSESSMENT = graphql(`
  mutation SubmitMeritAssessment($id: ID!, $version: Int!, $note: String) {
    submitMeritAssessment(assessmentId: $id, expectedVersion: $version, note: $note) {
      id
      status
    }
  }
`);

export const ADJUST_MERIT_ASPECT = graphql(`
  mutation AdjustMeritAspect($id: ID!, $version: Int!, $aspectCode: String!, $score: Float!, $reason: String!) {
    adjustMeritAspect(
      assessmentId: $id
      expectedVersion: $version
      aspectCode: $aspectCode
      score: $score
      reason: $reason
    ) {
      id
      version
    }
  }
`);

export const RETURN_MERIT_ASSESSMENT = graphql(`
  mutation ReturnMeritAssessment($id: ID!, $version: Int!, $reason: String!) {
    returnMeritAssessment(assessmentId: $id, expectedVersion: $version, reason: $reason) {
      id
      status
    }
  }
`);

export const VALIDATE_MERIT_ASSESSMENT = graphql(`
  mutation ValidateMeritAssessment($id: ID!, $version: Int!, $reason: String) {
    validateMeritAssessment(assessmentId: $id, expectedVersion: $version, reason: $reason) {
      id
      status
      index
      categoryName
    }
  }
`);

export const APPROVE_TALENT_SYSTEM = graphql(`
  mutation ApproveTalentSystem($agencyCode: String!, $date: LocalDate!, $reference: String!, $reason: String!) {
    approveTalentSystem(agencyCode: $agencyCode, approvedOn: $date, reference: $reference, reason: $reason) {
      decisionId
    }
  }
`);

export const WITHDRAW_TALENT_SYSTEM_APPROVAL = graphql(`
  mutation WithdrawTalentSystemApproval(
    $agencyCode: String!
    $date: LocalDate!
    $reference: String!
    $reason: String!
  ) {
    withdrawTalentSystemApproval(agencyCode: $agencyCode, withdrawnOn: $date, reference: $reference, reason: $reason) {
      decisionId
    }
  }
`);
