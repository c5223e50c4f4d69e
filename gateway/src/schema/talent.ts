/**
 * Talent management of an agency (domain.md §3), what its parts share: who may read and who may operate
 * an agency's talent data, the gate state and settings of an agency (cached per request), the enums.
 * The parts: talent-settings.ts, talent-map.ts, succession-groups.ts, talent-mapping-run.ts.
 */
import { z } from 'zod';
import {
  BOX_NAMES_ID,
  defaultTalentSettings,
  MERIT_CATEGORIES,
  NINE_BOX_NUMBERINGS,
  type NineBoxNumbering,
  type TalentGateStateDto,
  type TalentSettings,
} from '@seleksi/domain';
import { type TalentMappingStatus } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';

/** Who reads an agency's talent data: its secretariat and PPK, the overseer and administrators. */
export const TALENT_ROLES = ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'] as const;

/** A Pansel secretary or PPK reads and acts only for their own agency; FORBIDDEN otherwise. */
export function requireAgencyAccess(ctx: GraphQLContext, agencyCode: string, field = 'agencyCode'): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  // An empty code would address the service's collection route instead of one agency.
  if (agencyCode.trim() === '') throw gqlError('VALIDATION_FAILED', 'Kode instansi wajib diisi', field);
  if (u.role === 'ADMIN' || u.role === 'OVERSEER') return;
  if ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === agencyCode) return;
  throw gqlError('FORBIDDEN', 'Data talenta ini milik instansi lain', field);
}

/** Settings and mapping runs are managed by an administrator or the agency's own Pansel secretary. */
export function requireAgencyOperator(ctx: GraphQLContext, agencyCode: string): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN') return;
  if (u.role === 'PANSEL_SECRETARY' && u.agencyCode === agencyCode) return;
  throw gqlError(
    'FORBIDDEN',
    'Hanya administrator atau sekretariat instansi ini yang dapat melakukannya',
    'agencyCode',
  );
}

export const agencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode instansi hanya huruf, angka, - dan _ (paling banyak 40)');

const gateStates = new WeakMap<object, Map<string, Promise<TalentGateStateDto>>>();

/** What the gate reads for an agency (the overseer's decisions), read once per request. */
export function gateStateOf(ctx: GraphQLContext, agencyCode: string): Promise<TalentGateStateDto> {
  let cache = gateStates.get(ctx);
  if (!cache) gateStates.set(ctx, (cache = new Map()));
  let state = cache.get(agencyCode);
  if (!state) cache.set(agencyCode, (state = ctx.services.assessment.getTalentGateState(agencyCode)));
  return state;
}

/** The agency's settings as stored, or the defaults while it has configured nothing. */
export async function talentSettingsOf(ctx: GraphQLContext, agencyCode: string): Promise<TalentSettings> {
  return (await ctx.loaders.talentSettings.load(agencyCode)) ?? defaultTalentSettings(agencyCode);
}

export function boxName(numbering: NineBoxNumbering, box: number | null): string | null {
  return box === null ? null : (BOX_NAMES_ID[numbering]?.[box] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Enums

export const MeritCategoryEnum = builder.enumType('MeritCategory', {
  description: 'Merit-system index category: Buruk 100–174, Kurang 175–249, Baik 250–324, Sangat Baik 325–400',
  values: MERIT_CATEGORIES,
});

export const NineBoxNumberingEnum = builder.enumType('NineBoxNumbering', {
  description: 'How the nine boxes are numbered (PermenPANRB 3/2020, or the Finance Ministry scheme)',
  values: NINE_BOX_NUMBERINGS,
});

/** Every status of a mapping run (mirrors the workflow's TalentMappingStatus union). */
const TALENT_MAPPING_STATUSES = [
  'STARTING',
  'MAPPING',
  'DERIVING_KRS',
  'COMPLETED',
] as const satisfies readonly TalentMappingStatus[];

export const TalentMappingStatusEnum = builder.enumType('TalentMappingStatus', { values: TALENT_MAPPING_STATUSES });
