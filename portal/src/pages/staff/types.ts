/** Shapes of the staff queries' answers, read off their documents (queries/staff.ts) by gql.tada. */
import type { ResultOf } from '../../graphql';
import type { SELECTION_DASHBOARD, SELECTION_DOCUMENTS, STAFF_SELECTIONS } from '../../queries/staff';

export type DashboardData = ResultOf<typeof SELECTION_DASHBOARD>;
export type SelectionView = NonNullable<DashboardData['selection']>;
export type SelectionProcessView = DashboardData['selectionProcess'];

export type DecisionView = NonNullable<SelectionProcessView['decisions']>[number];
export type StageEventView = SelectionView['stageHistory'][number] | SelectionListItem['stageHistory'][number];

export type SelectionsData = ResultOf<typeof STAFF_SELECTIONS>;
export type SelectionListItem = SelectionsData['selections']['edges'][number]['node'];

export type ProcessVacancyView = SelectionProcessView['vacancies'][number];
export type RankedEntryView = ProcessVacancyView['ranking'][number];
export type ProcessApplicationView = SelectionProcessView['applications'][number];
export type InterviewScoreView = NonNullable<ProcessApplicationView['interviewScores']>[number];
export type ObjectionView = SelectionProcessView['objections'][number];
export type PanselMemberView = SelectionProcessView['pansel'][number];
export type StageScheduleView = SelectionProcessView['schedules'][number];

export type DocumentRow = ResultOf<typeof SELECTION_DOCUMENTS>['selectionDocuments']['edges'][number]['node'];

/** What a panel needs: the process, a way to reload it, and who is looking. */
export interface PanelProps {
  process: SelectionProcessView;
  reload: () => void;
}
