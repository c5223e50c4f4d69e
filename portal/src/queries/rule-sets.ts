/** The stored default rules' versions: who changed them, when and why (rounds pin the rules they start with). */

export const RULE_SET_VERSIONS = `query RuleSetVersions($agencyCode: ID) {
  selectionRuleSetVersions(agencyCode: $agencyCode) {
    scope revision changedAt reason
    changedBy { userId displayName role }
    rules {
      registrationDays minApplicantsPerVacancy shortlistSize passMark overseerEra overseerDecisionWorkingDays
      weights { assessment paper presentation interview trackRecord }
    }
  }
}`;
