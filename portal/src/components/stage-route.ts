/** What the stage stepper reads of Selection.route: the fragment's answer (queries/fragments/route.ts). */
export type { RouteStage as RouteStageRow } from '../queries/fragments/route';

/** The selection of Selection.route as text, for queries still written as plain strings. */
export const ROUTE_FIELDS = 'route { stage state actor startedAt endedAt dueAt expectedAt workingDaysLeft }';
