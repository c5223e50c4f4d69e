/**
 * Every GraphQL document of the staff pages (secretariat, Pansel members, overseer, PPK, administrators).
 * Each export is a complete operation, validated against gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';
import { REANNOUNCEMENT_FIELDS } from './fragments/reannouncement';

import { ROUTE_FIELDS } from './fragments/route';
import { ELECTION_WINDOW_FIELDS, SELECTION_LIST_FIELDS } from './fragments';

export const DECISION = graphql(`
  fragment DecisionFields on Decision {
    decisionId
    kind
    at
    reason
    subjectId
    by {
      userId
      role
      displayName
    }
  }
`);

// --- selections -------------------------------------------------------------------------------

export const STAFF_SELECTIONS = graphql(
  `
    query StaffSelections($first: Int, $after: String, $stage: SelectionStage) {
      selections(first: $first, after: $after, stage: $stage) {
        edges {
          node {
            ...SelectionListFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [SELECTION_LIST_FIELDS],
);

export const SELECTION_DASHBOARD = graphql(
  `
    query SelectionDashboard($id: ID!) {
      selection(id: $id) {
        id
        title
        stage
        agencyCode
        agencyName
        announcementDate
        registrationClosesAt
        simulation
        timeZone
        workflowId
        temporalUiUrl
        stageHistory {
          stage
          at
          expectedNextAt
          reasonText
        }
        ...SelectionRouteFields
        vacancies {
          id
          position
          unit
          level
          status
        }
        ...ReannouncementFields
      }
      selectionProcess(selectionId: $id) {
        selectionId
        stage
        title
        simulation
        registrationClosesAt
        myMemberId
        deadline {
          label
          at
          lastDay
          provisional
        }
        overseer {
          subject
          round
          requestedAt
          escalations
        }
        electionPermission {
          letterNumber
          letterDate
          scope
        }
        electionWindows {
          from
          to
          label
        }
        electionReportDutyId
        schedules {
          stage
          startsAt
          localDate
          localTime
          timeZone
          text
          place
          notes
          revision
        }
        vacancies {
          id
          level
          position
          unit
          status
          extensions
          applicants
          pendingDecision
          outcome
          shortlist
          ranking {
            applicationId
            rank
            total
            qualified
            shortlisted
            note
          }
          proposedApplicationId
          appointedApplicationId
          decreeNumber
          inaugurationDate
        }
        pansel {
          id
          name
          institution
          internal
          role
          isMe
        }
        recusals {
          memberId
          candidateId
        }
        applications {
          applicationId
          candidateId
          candidateName
          vacancyId
          status
          submittedAt
          eligible
          failedRequirements
          screeningReopened
          withdrawn
          assessment {
            managerial
            socioCultural
            paper
            presentation
            score
          }
          trackRecord {
            score
            eliminated
          }
          calibrationRound
          calibrationRequested
          interviewScoreCount
          interviewScores {
            memberId
            value
            round
            at
          }
        }
        objections {
          objectionId
          applicationId
          phase
          filedAt
          text
          upheld
          answer
          answeredAt
          reopenStage
        }
        decisions {
          ...DecisionFields
        }
      }
    }
  `,
  [ROUTE_FIELDS, REANNOUNCEMENT_FIELDS, DECISION],
);

export const SELECTION_DOCUMENTS = graphql(`
  query SelectionDocuments($id: ID!) {
    selectionDocuments(selectionId: $id, first: 100) {
      edges {
        node {
          id
          kind
          number
          title
          date
          version
          visibility
          downloadUrl
          correctionReason
          supersededBy {
            id
            number
          }
        }
      }
    }
  }
`);

export const DOCUMENT_FOR_CORRECTION = graphql(`
  query DocumentForCorrection($id: ID!) {
    document(id: $id) {
      id
      kind
      number
      title
      date
      version
      selectionId
      selectionTitle
      downloadUrl
      supersededBy {
        id
        number
      }
      content {
        title
        subject
        date
        paragraphs
        recipient
        attachments
        closing
        copies
        requirements
        signatoryName
        signatoryTitle
        decree {
          considering
          legalBasis
          decisions
        }
        tables {
          caption
          headers
          rows {
            cells
          }
        }
      }
    }
  }
`);

export const CORRECT_DOCUMENT = graphql(`
  mutation CorrectDocument($input: CorrectDocumentInput!) {
    correctDocument(input: $input) {
      id
      number
      version
      correctionReason
      downloadUrl
      supersedes {
        id
        number
      }
    }
  }
`);

// --- planning -----------------------------------------------------------------------------------

export const CREATE_SELECTION = graphql(`
  mutation CreateSelection($input: CreateSelectionInput!) {
    createSelection(input: $input) {
      id
      title
      stage
      simulation
      vacancies {
        id
        position
        level
      }
    }
  }
`);

export const SET_PANSEL = graphql(
  `
    mutation SetPansel($selectionId: ID!, $members: [PanselMemberInput!]!, $decreeReference: String) {
      setPansel(selectionId: $selectionId, members: $members, decreeReference: $decreeReference) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const SUBMIT_PLAN = graphql(
  `
    mutation SubmitPlan($selectionId: ID!) {
      submitPlan(selectionId: $selectionId) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const OVERSEER_DECISION = graphql(
  `
    mutation OverseerDecision(
      $selectionId: ID!
      $subject: OverseerSubject!
      $verdict: OverseerVerdict!
      $stageAtFault: CorrectableStage
      $reason: String!
      $reference: String
    ) {
      overseerDecision(
        selectionId: $selectionId
        subject: $subject
        verdict: $verdict
        stageAtFault: $stageAtFault
        reason: $reason
        reference: $reference
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const REQUEST_ADDITIONAL_DOCUMENTS = graphql(
  `
    mutation RequestAdditionalDocuments($selectionId: ID!, $reason: String!, $documents: [String!]!) {
      requestAdditionalDocuments(selectionId: $selectionId, reason: $reason, documents: $documents) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

// --- registration and screening ---------------------------------------------------------------------

export const DECIDE_VACANCY = graphql(
  `
    mutation DecideVacancy($selectionId: ID!, $vacancyId: ID!, $outcome: VacancyOutcome!, $reason: String!) {
      decideVacancy(selectionId: $selectionId, vacancyId: $vacancyId, outcome: $outcome, reason: $reason) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const OVERRIDE_SCREENING = graphql(
  `
    mutation OverrideScreening($selectionId: ID!, $applicationId: ID!, $eligible: Boolean!, $reason: String!) {
      overrideScreening(
        selectionId: $selectionId
        applicationId: $applicationId
        eligible: $eligible
        reason: $reason
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const PUBLISH_SCREENING = graphql(
  `
    mutation PublishScreening($selectionId: ID!) {
      publishScreening(selectionId: $selectionId) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const ANSWER_OBJECTION = graphql(
  `
    mutation AnswerObjection(
      $selectionId: ID!
      $objectionId: ID!
      $upheld: Boolean!
      $answer: String!
      $reopenStage: CorrectableStage
    ) {
      answerObjection(
        selectionId: $selectionId
        objectionId: $objectionId
        upheld: $upheld
        answer: $answer
        reopenStage: $reopenStage
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

// --- scored stages -----------------------------------------------------------------------------------

export const RECORD_ASSESSMENT = graphql(
  `
    mutation RecordAssessment(
      $selectionId: ID!
      $applicationId: ID!
      $managerial: Float!
      $socioCultural: Float!
      $paper: Float!
      $presentation: Float!
      $assessedAt: LocalDate!
      $reusedResultId: String
    ) {
      recordAssessment(
        selectionId: $selectionId
        applicationId: $applicationId
        managerial: $managerial
        socioCultural: $socioCultural
        paper: $paper
        presentation: $presentation
        assessedAt: $assessedAt
        reusedResultId: $reusedResultId
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const RECORD_TRACK_RECORD = graphql(
  `
    mutation RecordTrackRecord(
      $selectionId: ID!
      $applicationId: ID!
      $score: Float!
      $findings: String!
      $eliminate: Boolean
      $reason: String
    ) {
      recordTrackRecord(
        selectionId: $selectionId
        applicationId: $applicationId
        score: $score
        findings: $findings
        eliminate: $eliminate
        reason: $reason
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const SCHEDULE_STAGE = graphql(
  `
    mutation ScheduleStage(
      $selectionId: ID!
      $stage: ScheduledStage!
      $date: LocalDate!
      $time: String!
      $place: String!
      $notes: String
    ) {
      scheduleStage(selectionId: $selectionId, stage: $stage, date: $date, time: $time, place: $place, notes: $notes) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const COMPLETE_STAGE = graphql(
  `
    mutation CompleteStage($selectionId: ID!, $stage: CompletableStage!) {
      completeStage(selectionId: $selectionId, stage: $stage) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const DECLARE_CONFLICT = graphql(
  `
    mutation DeclareConflict($selectionId: ID!, $candidateId: ID!, $hasConflict: Boolean!, $reason: String!) {
      declareConflict(
        selectionId: $selectionId
        candidateId: $candidateId
        hasConflict: $hasConflict
        reason: $reason
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const SUBMIT_INTERVIEW_SCORE = graphql(
  `
    mutation SubmitInterviewScore($selectionId: ID!, $applicationId: ID!, $score: Float!, $reason: String) {
      submitInterviewScore(selectionId: $selectionId, applicationId: $applicationId, score: $score, reason: $reason) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

// --- appointment -------------------------------------------------------------------------------------

export const CHOOSE_APPOINTEE = graphql(
  `
    mutation ChooseAppointee($selectionId: ID!, $vacancyId: ID!, $applicationId: ID!, $justification: String) {
      chooseAppointee(
        selectionId: $selectionId
        vacancyId: $vacancyId
        applicationId: $applicationId
        justification: $justification
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const RECORD_ELECTION_PERMISSION = graphql(
  `
    mutation RecordElectionPermission(
      $selectionId: ID!
      $letterNumber: String!
      $letterDate: LocalDate!
      $scope: String!
      $reason: String!
    ) {
      recordElectionPermission(
        selectionId: $selectionId
        letterNumber: $letterNumber
        letterDate: $letterDate
        scope: $scope
        reason: $reason
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const RECORD_PRESIDENTIAL_DECISION = graphql(
  `
    mutation RecordPresidentialDecision(
      $selectionId: ID!
      $vacancyId: ID!
      $applicationId: ID!
      $decreeNumber: String!
      $decreeDate: LocalDate!
      $justification: String
    ) {
      recordPresidentialDecision(
        selectionId: $selectionId
        vacancyId: $vacancyId
        applicationId: $applicationId
        decreeNumber: $decreeNumber
        decreeDate: $decreeDate
        justification: $justification
      ) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const RECORD_INAUGURATION = graphql(
  `
    mutation RecordInauguration($selectionId: ID!, $vacancyId: ID!, $date: LocalDate!, $place: String!) {
      recordInauguration(selectionId: $selectionId, vacancyId: $vacancyId, date: $date, place: $place) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

// --- talent route ------------------------------------------------------------------------------------

const PROGRESS = graphql(`
  fragment TalentMappingProgressFields on TalentMappingProgress {
    agencyCode
    period
    status
    processed
    total
    percent
    batchesDone
    unmapped
    successionGroups
    startedAt
    finishedAt
    byBox {
      box
      count
    }
  }
`);

export const START_TALENT_MAPPING = graphql(
  `
    mutation StartTalentMapping($agencyCode: String!, $period: String!, $asOf: LocalDate, $batchSize: Int) {
      startTalentMapping(agencyCode: $agencyCode, period: $period, asOf: $asOf, batchSize: $batchSize) {
        ...TalentMappingProgressFields
      }
    }
  `,
  [PROGRESS],
);

export const TALENT_MAPPING_PROGRESS = graphql(
  `
    query TalentMappingProgress($agencyCode: String!, $period: String!) {
      talentMappingProgress(agencyCode: $agencyCode, period: $period) {
        ...TalentMappingProgressFields
      }
    }
  `,
  [PROGRESS],
);

export const TALENT_MAP = graphql(`
  query TalentMap($agencyCode: String!, $period: String) {
    talentMap(agencyCode: $agencyCode, period: $period) {
      agencyCode
      period
      numbering
      total
      poolCount
      unmapped
      boxes {
        box
        name
        count
        inPool
      }
    }
  }
`);

/** An agency's KRS (for the export links on the talent mapping page). */
export const SUCCESSION_GROUPS = graphql(`
  query SuccessionGroups($agencyCode: String!) {
    successionGroups(agencyCode: $agencyCode, first: 100) {
      edges {
        node {
          id
          year
          postTitle
          publishedAt
        }
      }
    }
  }
`);

const FILLING = graphql(
  `
    fragment TalentFillingFields on TalentFilling {
      fillingId
      agencyCode
      postId
      stage
      confirmed
      appointedEmployeeId
      appointedName
      inaugurationDate
      overseerVerdict
      route
      proposedEmployeeId
      presidentialDecree {
        number
        date
      }
      gate {
        open
        meritCategoryName
        period
        reasons
      }
      successors {
        employeeId
        name
        box
        boxName
        score
        order
        excluded
        reasons
      }
      decree {
        id
        number
        downloadUrl
      }
      fallback {
        reason
        selectionId
        invitedCount
      }
      election {
        windows {
          ...ElectionWindowFields
        }
        permission {
          letterNumber
          letterDate
          scope
          recordedBy
          recordedAt
        }
        reportDutyId
      }
      decisions {
        ...DecisionFields
      }
    }
  `,
  [DECISION, ELECTION_WINDOW_FIELDS],
);

export const TALENT_FILLING = graphql(
  `
    query TalentFilling($fillingId: ID!) {
      talentFilling(fillingId: $fillingId) {
        ...TalentFillingFields
      }
    }
  `,
  [FILLING],
);

export const START_TALENT_POOL_FILLING = graphql(
  `
    mutation StartTalentPoolFilling($input: StartTalentPoolFillingInput!) {
      startTalentPoolFilling(input: $input) {
        ...TalentFillingFields
      }
    }
  `,
  [FILLING],
);

export const CONFIRM_PROPOSAL = graphql(
  `
    mutation ConfirmProposal($fillingId: ID!, $confirm: Boolean!, $reason: String!) {
      confirmProposal(fillingId: $fillingId, confirm: $confirm, reason: $reason) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const TALENT_OVERSEER_DECISION = graphql(
  `
    mutation TalentOverseerDecision(
      $fillingId: ID!
      $verdict: TalentOverseerVerdict!
      $reason: String!
      $reference: String
    ) {
      talentOverseerDecision(fillingId: $fillingId, verdict: $verdict, reason: $reason, reference: $reference) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const DECIDE_SUCCESSOR = graphql(
  `
    mutation DecideSuccessor($fillingId: ID!, $employeeId: ID!, $justification: String) {
      decideSuccessor(fillingId: $fillingId, employeeId: $employeeId, justification: $justification) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

export const RECORD_TALENT_INAUGURATION = graphql(
  `
    mutation RecordTalentInauguration($fillingId: ID!, $date: LocalDate!, $place: String!) {
      recordTalentInauguration(fillingId: $fillingId, date: $date, place: $place) {
        ...DecisionFields
      }
    }
  `,
  [DECISION],
);

/** Whether the signed-in Pansel member sits on a selection's Pansel (FORBIDDEN when not). */
export const SELECTION_MEMBERSHIP = graphql(`
  query SelectionMembership($id: ID!) {
    selectionProcess(selectionId: $id) {
      selectionId
      myMemberId
    }
  }
`);

/** The agency's time zone, as recorded on its latest selection (for "today" in the agency). */
export const AGENCY_TIME_ZONE = graphql(`
  query AgencyTimeZone($agencyCode: String) {
    selections(first: 1, agencyCode: $agencyCode) {
      edges {
        node {
          id
          timeZone
        }
      }
    }
  }
`);

/** The append-only audit record of a selection, oldest first (secretariat, overseer, administrators). */
export const SELECTION_AUDIT = graphql(`
  query SelectionAudit($selectionId: ID!, $first: Int, $after: String) {
    selection(id: $selectionId) {
      id
      title
    }
    selectionAudit(selectionId: $selectionId, first: $first, after: $after) {
      edges {
        node {
          decisionId
          kind
          at
          reason
          subjectId
          payload
          by {
            userId
            role
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
