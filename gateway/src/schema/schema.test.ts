import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../scripts/print-schema';

describe('schema.graphql', () => {
  it('is committed and matches the Pothos schema (run `pnpm --filter @seleksi/gateway schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('exposes one mutation per decision of the open selection, and its process and audit queries', () => {
    const sdl = printedSchema();
    for (const op of [
      'setPansel(',
      'submitPlan(',
      'overseerDecision(',
      'decideVacancy(',
      'overrideScreening(',
      'publishScreening(',
      'fileObjection(',
      'answerObjection(',
      'declareConflict(',
      'recordAssessment(',
      'submitInterviewScore(',
      'recordTrackRecord(',
      'completeStage(',
      'chooseAppointee(',
      'recordPresidentialDecision(',
      'recordElectionPermission(',
      'recordInauguration(',
      'withdrawApplication(',
      'amendHolidayCalendar(',
      'holidayCalendar(',
      'selectionProcess(',
      'selectionAudit(',
    ]) {
      expect(sdl).toContain(op);
    }
  });

  it('exposes the talent route: settings, map, history, KRS, mapping runs and the filling decisions', () => {
    const sdl = printedSchema();
    for (const op of [
      'talentSettings(',
      'updateTalentSettings(',
      'talentMap(',
      'talentMapPeriods(',
      'talentHistory(',
      'successionGroups(',
      'talentMappingProgress(',
      'startTalentMapping(',
      'startTalentPoolFilling(',
      'confirmProposal(',
      'talentOverseerDecision(',
      'decideSuccessor(',
      'recordTalentInauguration(',
      'talentFilling(',
      'myInvitations',
    ]) {
      expect(sdl).toContain(op);
    }
  });

  it('exposes the foundation operations', () => {
    const sdl = printedSchema();
    for (const op of [
      'signIn(',
      'signOut',
      'createSelection(',
      'applyToVacancy(',
      'myApplications',
      'verifyDocument(',
    ]) {
      expect(sdl).toContain(op);
    }
  });
});
