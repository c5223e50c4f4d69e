/**
 * Exports of the talent route: an agency's nine-box map of a period (read 500 entries at a time) and a
 * succession-plan group (KRS). Access as `talentMap` and `successionGroups` in schema/talent.ts.
 */
import { isTalentPoolBox, JPT_LEVEL_NAME_ID } from '@seleksi/domain';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { boxName, requireAgencyAccess, TALENT_ROLES, talentSettingsOf } from '../schema/talent';
import { instant, streamPages, zoneSuffix, type Cell, type ExportTable } from './table';

const PERIOD = /^\d{4}(-S[12])?$/;
const safe = (s: string) => s.replace(/[^\w-]+/g, '_');

async function agencyZone(ctx: GraphQLContext, agencyCode: string) {
  const agency = await ctx.loaders.agency.load(agencyCode);
  if (!agency) throw gqlError('NOT_FOUND', `Instansi ${agencyCode} tidak ditemukan`, 'agencyCode');
  return agency.timeZone;
}

export async function talentMapExport(ctx: GraphQLContext, agencyCode: string, period: string): Promise<ExportTable> {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (!(TALENT_ROLES as readonly string[]).includes(u.role)) {
    throw gqlError('FORBIDDEN', 'Peta talenta hanya untuk sekretariat instansi, PPK, pengawas dan administrator');
  }
  requireAgencyAccess(ctx, agencyCode);
  if (!PERIOD.test(period)) {
    throw gqlError('VALIDATION_FAILED', 'Periode berformat YYYY atau YYYY-S1 / YYYY-S2', 'period');
  }
  const tz = await agencyZone(ctx, agencyCode);
  const [counts, settings] = await Promise.all([
    ctx.services.assessment.getTalentMapCounts(agencyCode, period),
    talentSettingsOf(ctx, agencyCode),
  ]);
  if (counts.total === 0) {
    throw gqlError('NOT_FOUND', `Peta talenta periode ${period} belum ada`, 'period');
  }
  const numbering = settings.scoring.numbering;
  async function* rows(): AsyncGenerator<Cell[]> {
    let n = 0;
    const pages = streamPages((after) =>
      ctx.services.assessment.listTalentMapEntries({ agencyCode, period, limit: 500, after }),
    );
    for await (const entries of pages) {
      const profiles = await ctx.services.candidate.getProfilesByIds(entries.map((e) => e.employeeId));
      for (const [i, e] of entries.entries()) {
        yield [
          ++n,
          profiles[i]?.name ?? null,
          e.employeeId,
          e.box,
          boxName(numbering, e.box),
          e.box === null ? null : isTalentPoolBox(e.box, numbering) ? 'Ya' : 'Tidak',
          e.performance,
          e.potential,
          e.performanceScore,
          e.potentialScore,
          e.score,
          e.missing.join('; ') || null,
          instant(e.mappedAt),
        ];
      }
    }
  }
  return {
    fileName: `peta-talenta-${safe(agencyCode)}-${safe(period)}`,
    sheetName: `Peta Talenta ${period}`,
    timeZone: tz,
    columns: [
      { header: 'No', width: 6 },
      { header: 'Nama Pegawai', width: 30 },
      { header: 'ID Pegawai', width: 24 },
      { header: 'Kotak', width: 8 },
      { header: 'Nama Kotak', width: 28 },
      { header: 'Kelompok Talenta' },
      { header: 'Tingkat Kinerja (1-3)' },
      { header: 'Tingkat Potensi (1-3)' },
      { header: 'Nilai Kinerja' },
      { header: 'Nilai Potensi' },
      { header: 'Nilai Talenta' },
      { header: 'Data yang Belum Ada', width: 40 },
      { header: `Dipetakan pada${zoneSuffix(tz)}`, width: 20 },
    ],
    rows: rows(),
  };
}

/**
 * A KRS: published ones to every signed-in user (as `successionGroups`), drafts only to the agency's
 * secretariat and PPK, the overseer and administrators (to others a draft does not exist).
 */
export async function successionGroupExport(ctx: GraphQLContext, groupId: string): Promise<ExportTable> {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  const group = await ctx.services.assessment.getSuccessionGroup(groupId);
  const staff =
    group !== null &&
    (u.role === 'ADMIN' ||
      u.role === 'OVERSEER' ||
      ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === group.agencyCode));
  if (!group || (!staff && group.publishedAt === null)) {
    throw gqlError('NOT_FOUND', 'Kelompok rencana suksesi tidak ditemukan', 'id');
  }
  const tz = await agencyZone(ctx, group.agencyCode);
  const numbering = (await talentSettingsOf(ctx, group.agencyCode)).scoring.numbering;
  const members = [...group.members].sort((a, b) => a.order - b.order);
  async function* rows(): AsyncGenerator<Cell[]> {
    for (let i = 0; i < members.length; i += 100) {
      const chunk = members.slice(i, i + 100);
      const profiles = await ctx.services.candidate.getProfilesByIds(chunk.map((m) => m.employeeId));
      for (const [j, m] of chunk.entries()) {
        yield [
          group!.postTitle,
          JPT_LEVEL_NAME_ID[group!.level] ?? group!.level,
          group!.year,
          m.order,
          profiles[j]?.name ?? null,
          m.employeeId,
          m.box,
          boxName(numbering, m.box),
          m.score,
          group!.derivedFrom,
          instant(group!.publishedAt),
        ];
      }
    }
  }
  return {
    fileName: `krs-${safe(group.agencyCode)}-${group.year}-${safe(group.postId)}`,
    sheetName: `KRS ${group.year}`,
    timeZone: tz,
    columns: [
      { header: 'Jabatan Sasaran', width: 40 },
      { header: 'Jenjang', width: 10 },
      { header: 'Tahun', width: 8 },
      { header: 'Urutan', width: 8 },
      { header: 'Nama Pegawai', width: 30 },
      { header: 'ID Pegawai', width: 24 },
      { header: 'Kotak', width: 8 },
      { header: 'Nama Kotak', width: 28 },
      { header: 'Nilai Talenta' },
      { header: 'Periode Peta Talenta' },
      { header: `Ditetapkan pada${zoneSuffix(tz)}`, width: 20 },
    ],
    rows: rows(),
  };
}
