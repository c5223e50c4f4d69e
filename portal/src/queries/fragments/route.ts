import { graphql, type ResultOf } from '../../graphql';

/** The selection of Selection.route the stage stepper reads (components/StageStepper.tsx). */
export const ROUTE_FIELDS = graphql(`
  fragment SelectionRouteFields on Selection {
    route {
      stage
      state
      actor
      startedAt
      endedAt
      dueAt
      expectedAt
      workingDaysLeft
    }
  }
`);

/** One stage of a round's route as the stepper reads it. */
export type RouteStage = ResultOf<typeof ROUTE_FIELDS>['route'][number];
