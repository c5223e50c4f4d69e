/** What the stage stepper reads of Selection.route (plain .ts: the query modules inline it). */
export interface RouteStageRow {
  stage: string;
  state: 'DONE' | 'CURRENT' | 'NEXT' | 'LATER' | 'SKIPPED';
  actor: string | null;
  startedAt: string | null;
  endedAt: string | null;
  dueAt: string | null;
  expectedAt: string | null;
  workingDaysLeft: number | null;
}

/** The selection of Selection.route the stepper reads (the queries of its pages inline it). */
export const ROUTE_FIELDS = 'route { stage state actor startedAt endedAt dueAt expectedAt workingDaysLeft }';
