/**
 * No dead ends (issue 16): what a Pansel's decision on an undersubscribed vacancy started, linked both
 * ways. A re-announced vacancy names its new round (`Vacancy.followUp`) and the new round names where it
 * came from (`Selection.reannouncementOf`); a vacancy switched to the talent route names its filling,
 * which names the vacancy (`TalentFilling.switchedFrom`, in talent-filling.ts).
 * Registered from index.ts only: selection.ts must be complete (it is part of an import cycle through document.ts).
 */
import type { VacancyDto, VacancyFollowUpDto } from '@seleksi/domain';
import { builder } from '../builder';
import { vacancyOriginType, visibleSelection } from './vacancy-origin';
import { SelectionType, VacancyType } from './selection';

const FollowUpKindEnum = builder.enumType('VacancyFollowUpKind', {
  values: {
    REANNOUNCED: { description: 'A new selection round for the vacancy' },
    TALENT_FILLING: { description: 'The post filled from the talent pool' },
  },
});

const VacancyFollowUpType = builder.objectRef<VacancyFollowUpDto>('VacancyFollowUp').implement({
  description: "What the Pansel's decision on the vacancy started",
  fields: (t) => ({
    kind: t.field({ type: FollowUpKindEnum, resolve: (f) => f.kind }),
    id: t.id({ description: "The new round's selection id, or the talent filling's id", resolve: (f) => f.id }),
    workflowId: t.exposeString('workflowId'),
    selection: t.field({
      type: SelectionType,
      nullable: true,
      description:
        'The new round (REANNOUNCED; null until its workflow has written it, and while planned for all but its agency)',
      resolve: (f, _a, ctx) => (f.kind === 'REANNOUNCED' ? visibleSelection(ctx, f.id) : null),
    }),
  }),
});

builder.objectField(VacancyType, 'followUp', (t) =>
  t.field({
    type: VacancyFollowUpType,
    nullable: true,
    description: 'The round or talent filling this vacancy continues in, once the Pansel decided so',
    resolve: (v: VacancyDto) => v.followUp ?? null,
  }),
);

const SelectionOriginType = vacancyOriginType(
  'SelectionOrigin',
  'The round and vacancy a re-announced round comes from',
);

builder.objectField(SelectionType, 'reannouncementOf', (t) =>
  t.field({
    type: SelectionOriginType,
    nullable: true,
    description: 'For a round that re-announces a vacancy: the earlier round and vacancy',
    resolve: (s) => s.origin ?? null,
  }),
);
