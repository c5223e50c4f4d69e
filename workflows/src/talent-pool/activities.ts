/**
 * Activities of the talent-pool route: the gate and the successor proposal computed from the
 * services' data with the agency's talent settings, documents, invitations and the audit record.
 */
import {
  checkTalentGate,
  DEFAULT_ELIGIBILITY_RULES,
  defaultLegalBasis,
  formatLocalDateId,
  LEVEL_NAME_ID,
  rankSuccessors,
  type AgencyDto,
  type DocumentDto,
  type HolidayCalendar,
  type InvitationDto,
  type LocalDate,
  type OfficialDocumentRequest,
  type TalentFillingViewDto,
  type TalentGateStateDto,
} from '@seleksi/domain';
import { Context } from '@temporalio/activity';
import { ServiceError } from '@seleksi/kit';
import { callService } from '../activity-errors';
import type { VacancyPlan } from '../open-selection/definitions';
import {
  APPOINTMENT_CLOSING_DICTUMS,
  decreeConsiderations,
  groupNip,
  jptPhrase,
  OVERSEER_HEAD,
  OVERSEER_NAME,
} from '../open-selection/documents';
import { loadPool, talentSettingsOf, type TalentMappingPorts } from '../talent-mapping/activities';
import type { SuccessorView, TalentPoolFillingInput, TalentPoolFillingState } from './definitions';

export interface TalentPoolPorts extends TalentMappingPorts {
  candidate: TalentMappingPorts['candidate'] & {
    getHolidayCalendar(): Promise<HolidayCalendar>;
    putInvitation(dto: InvitationDto): Promise<unknown>;
    putTalentFilling(dto: TalentFillingViewDto): Promise<unknown>;
  };
  assessment: TalentMappingPorts['assessment'] & {
    listTalentMapPeriods(agencyCode: string): Promise<{ period: string; mappedAt: string; total: number }[]>;
    getTalentGateState(agencyCode: string): Promise<TalentGateStateDto>;
  };
}

/**
 * The PPK's decree appointing the chosen successor (talent route): considerations from the talent map, the
 * successor group and the overseer's approval, the default legal basis of talent management for the
 * overseer era, and the appointment effective on inauguration.
 */
export function buildTalentAppointmentDecree(args: {
  input: TalentPoolFillingInput;
  state: TalentPoolFillingState;
  date: LocalDate;
  appointee: { name: string; nip: string | null };
}): OfficialDocumentRequest {
  const { input, state, appointee } = args;
  const { agency, post } = input;
  const era = input.overseer.era;
  const jpt = jptPhrase([post.level]);
  const title = `Pengangkatan dalam ${jpt} melalui Manajemen Talenta di Lingkungan ${agency.name}`;
  const nip = appointee.nip ? `, NIP ${groupNip(appointee.nip)}` : '';
  return {
    idempotencyKey: `talent-filling:${agency.code}:${input.fillingId}:APPOINTMENT_DECREE`,
    kind: 'APPOINTMENT_DECREE',
    agency,
    selectionId: null,
    auditChainId: input.fillingId,
    title,
    date: args.date,
    visibility: 'RESTRICTED',
    decree: {
      considering: decreeConsiderations(
        [
          `bahwa berdasarkan hasil pemetaan talenta periode ${state.gate?.period ?? '-'} dan kelompok rencana ` +
            `suksesi, telah diusulkan suksesor untuk mengisi jabatan ${post.position} pada ${post.unit} yang lowong`,
          'bahwa usulan sebagaimana dimaksud dalam huruf a telah dikonfirmasi dan telah mendapat persetujuan ' +
            `${OVERSEER_NAME[era]}`,
          ...presidentialConsiderations(state),
        ],
        input.ppkTitle,
        title,
      ),
      legalBasis: defaultLegalBasis('TALENT_APPOINTMENT_DECREE', era),
      decisions: [
        `Mengangkat Saudara ${appointee.name}${nip}, dalam jabatan ${post.position} (${jpt}) pada ${post.unit} ` +
          `di Lingkungan ${agency.name}.`,
        ...APPOINTMENT_CLOSING_DICTUMS,
      ],
    },
    paragraphs: [],
    signatory: { name: input.ppkTitle, title: input.ppkTitle, nip: null },
    copies: [OVERSEER_HEAD[era], ...(era === 'BKN' ? [] : [OVERSEER_HEAD.BKN]), 'Yang bersangkutan'],
  };
}

/** Madya/Utama: the PPK proposed (a provincial Sekda through the Home Affairs Minister) and the President decided. */
function presidentialConsiderations(state: TalentPoolFillingState): string[] {
  const keppres = state.presidentialDecree;
  if (state.route === 'PPK' || !keppres) return [];
  const via = state.route === 'PRESIDENT_VIA_HOME_AFFAIRS' ? ' melalui Menteri Dalam Negeri' : '';
  return [
    `bahwa Presiden, atas usul Pejabat Pembina Kepegawaian${via}, telah menetapkan pengangkatan dengan ` +
      `Keputusan Presiden Nomor ${keppres.number} tanggal ${formatLocalDateId(keppres.date)}`,
  ];
}

export function createTalentPoolActivities(ports: TalentPoolPorts) {
  return {
    /**
     * Writes the filling's read-model row; repeats and stale writes are no-ops in the store (by `seq`).
     * Best effort: a refused write (a 4xx: e.g. a candidate service older than the read model during a
     * rollout) is logged and dropped, so it never fails the filling; the next step writes the row again.
     * Unreachable or failing services (5xx) are retried as usual.
     */
    async projectTalentFilling(view: TalentFillingViewDto): Promise<void> {
      try {
        await ports.candidate.putTalentFilling(view);
      } catch (err) {
        if (err instanceof ServiceError && !err.retryable) {
          Context.current().log.warn('talent filling read model not written', {
            fillingId: view.id,
            seq: view.seq,
            code: err.code,
            status: err.status,
          });
          return;
        }
        throw err;
      }
    },

    async loadCalendar(): Promise<HolidayCalendar> {
      return callService(() => ports.candidate.getHolidayCalendar());
    },

    /**
     * The gate from the overseer's recorded decisions only (the latest validated assessment and the standing
     * approval), never from values in the agency's settings. An activity, so a running filling replays
     * the answer it recorded.
     */
    async checkGate(args: { agencyCode: string; asOf: LocalDate }) {
      const settings = await talentSettingsOf(ports.assessment, args.agencyCode);
      const state = await callService(() => ports.assessment.getTalentGateState(args.agencyCode));
      const periods = await callService(() => ports.assessment.listTalentMapPeriods(args.agencyCode));
      const latest = periods[0] ?? null;
      const approval = state.approval;
      const result = checkTalentGate(
        {
          meritIndexScore: state.validated?.index ?? null,
          talentSystemApproval: approval ? { approvedOn: approval.approvedOn, reference: approval.reference } : null,
          latestMapDate: latest ? latest.mappedAt.slice(0, 10) : null,
          asOf: args.asOf,
        },
        settings.gate,
      );
      return {
        open: result.open,
        meritCategory: result.meritCategory,
        reasons: result.reasons,
        period: latest?.period ?? null,
        // Named in the GATE_CHECKED record (chained): which of the overseer's decisions the gate relied on.
        validationDecisionId: state.validated?.decisionId ?? null,
        approvalDecisionId: approval?.decisionId ?? null,
      };
    },

    /** Ordered successors without personal data: only ids, boxes, scores and the reasons for exclusion. */
    async proposeSuccessors(args: {
      agency: AgencyDto;
      post: VacancyPlan;
      period: string;
      asOf: LocalDate;
      plannedInaugurationDate: LocalDate;
    }): Promise<SuccessorView[]> {
      const settings = await talentSettingsOf(ports.assessment, args.agency.code);
      const pool = await loadPool(ports, args.agency.code, args.period, settings);
      return rankSuccessors({
        pool,
        level: args.post.level,
        field: args.post.field ?? null,
        asOf: args.asOf,
        plannedInaugurationDate: args.plannedInaugurationDate,
        numbering: settings.scoring.numbering,
        eligibility: DEFAULT_ELIGIBILITY_RULES,
        retirement: settings.retirement,
        selectionAgency: { code: args.agency.code, province: args.agency.province },
      }).map((s) => ({
        employeeId: s.employeeId,
        box: s.box,
        score: s.score,
        order: s.order,
        excluded: s.excluded,
        reasons: s.reasons,
      }));
    },

    async issueFillingDocument(args: {
      kind: 'SUCCESSOR_PROPOSAL' | 'APPOINTMENT_DECREE' | 'INAUGURATION_MINUTES';
      input: TalentPoolFillingInput;
      state: TalentPoolFillingState;
      date: LocalDate;
      extra: Record<string, string>;
    }): Promise<DocumentDto> {
      const { input, state } = args;
      const ids = state.successors.map((s) => s.employeeId);
      const profiles = ids.length > 0 ? await callService(() => ports.candidate.getProfilesByIds(ids)) : [];
      const nameOf = (id: string | null) => profiles.find((p) => p?.id === id)?.name ?? id ?? '-';
      const post = `${input.post.position} (JPT ${LEVEL_NAME_ID[input.post.level]}) pada ${input.post.unit}`;
      const ppk = { name: input.ppkTitle, title: input.ppkTitle, nip: null };
      const common = {
        idempotencyKey: `talent-filling:${input.agency.code}:${input.fillingId}:${args.kind}`,
        agency: input.agency,
        selectionId: null,
        auditChainId: input.fillingId,
        date: args.date,
      };
      if (args.kind === 'SUCCESSOR_PROPOSAL') {
        return callService(() =>
          ports.document.issueDocument({
            ...common,
            kind: 'SUCCESSOR_PROPOSAL',
            title: 'USULAN PENGISIAN JABATAN PIMPINAN TINGGI MELALUI MANAJEMEN TALENTA',
            subject: 'Usulan suksesor dari kelompok rencana suksesi',
            visibility: 'RESTRICTED',
            recipient: [`Yth. ${input.ppkTitle}`, 'di tempat'],
            paragraphs: [
              `Berdasarkan hasil pemetaan talenta periode ${state.gate?.period ?? '-'}, diusulkan suksesor untuk jabatan ${post} dengan urutan sebagai berikut (kotak 9, kemudian 8, kemudian 7; kemudian nilai).`,
            ],
            tables: [
              {
                columns: [
                  { header: 'Urutan', width: 0.8, align: 'center' },
                  { header: 'Nama', width: 3 },
                  { header: 'Kotak', width: 0.8, align: 'center' },
                  { header: 'Nilai', width: 0.8, align: 'right' },
                  { header: 'Keterangan', width: 3 },
                ],
                rows: state.successors.map((s) => [
                  s.order === null ? '-' : String(s.order),
                  nameOf(s.employeeId),
                  String(s.box),
                  s.score.toFixed(2),
                  s.excluded ? s.reasons.join('; ') : 'Memenuhi syarat',
                ]),
              },
            ],
            signatory: input.signatory,
          }),
        );
      }
      if (args.kind === 'APPOINTMENT_DECREE') {
        const profile = profiles.find((p) => p?.id === state.appointedEmployeeId) ?? null;
        const appointee = { name: nameOf(state.appointedEmployeeId), nip: profile?.nip ?? null };
        return callService(() =>
          ports.document.issueDocument(buildTalentAppointmentDecree({ input, state, date: args.date, appointee })),
        );
      }
      return callService(() =>
        ports.document.issueDocument({
          ...common,
          kind: 'INAUGURATION_MINUTES',
          title: 'BERITA ACARA PELANTIKAN',
          visibility: 'RESTRICTED',
          paragraphs: [
            `Pada tanggal ${args.extra.date ?? '-'} bertempat di ${args.extra.place ?? '-'}, telah dilantik ${nameOf(state.appointedEmployeeId)} dalam jabatan ${post}.`,
          ],
          signatory: ppk,
        }),
      );
    },

    async inviteToSelection(args: {
      selectionId: string;
      vacancyId: string;
      candidateIds: string[];
      reason: string;
      at: string;
    }): Promise<void> {
      for (const candidateId of args.candidateIds) {
        await callService(() =>
          ports.candidate.putInvitation({
            id: `${args.selectionId}:${candidateId}`,
            candidateId,
            selectionId: args.selectionId,
            vacancyId: args.vacancyId,
            reason: args.reason,
            invitedAt: args.at,
          }),
        );
      }
    },
  };
}

export type TalentPoolActivities = ReturnType<typeof createTalentPoolActivities>;
