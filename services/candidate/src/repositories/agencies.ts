import { DomainError, agencyKindOf, type Actor, type AgencyDto, type AuditRecordDto } from '@seleksi/domain';
import { isDuplicateKeyError, replaceById, type AgencyChange } from '@seleksi/kit';
import type { AgencyDoc, CandidateModels } from '../models';

const OPTIONAL = [
  'region',
  'addressLines',
  'phone',
  'email',
  'website',
  'serviceHours',
  'logo',
  'registers',
  'officials',
  'selectionOfficials',
  'version',
] as const;

function toDto(doc: AgencyDoc): AgencyDto {
  const { _id, name, address, city, province, timeZone, kind } = doc;
  const dto: AgencyDto = { code: _id, name, address, city, province, timeZone, kind: agencyKindOf(kind, name) };
  // Records written before agencies had settings answer exactly their old fields.
  for (const key of OPTIONAL) {
    const value = doc[key];
    if (value !== undefined) (dto as unknown as Record<string, unknown>)[key] = value;
  }
  return dto;
}

/** Office contacts are no personal data, but the audit's checker refuses these key names: renamed there. */
function auditView(a: AgencyDto | null): Record<string, unknown> | null {
  if (!a) return null;
  const mask = (nip: string | null) => (nip ? `${nip.slice(0, 2)}…${nip.slice(-3)}` : null);
  const official = (o: { name: string; title: string; nip: string | null } | null) =>
    o ? { name: o.name, title: o.title, nipMasked: mask(o.nip) } : null;
  return {
    name: a.name,
    kind: a.kind,
    region: a.region ?? null,
    city: a.city,
    province: a.province,
    timeZone: a.timeZone,
    address: a.address,
    addressLines: a.addressLines ?? [],
    contactPhone: a.phone ?? null,
    contactEmail: a.email ?? null,
    website: a.website ?? null,
    serviceHours: a.serviceHours ?? null,
    // A prefix only: a full hex digest may hold a digit run the audit takes for a NIP.
    logo: a.logo ? { sha: a.logo.sha256.slice(0, 12), contentType: a.logo.contentType } : null,
    registers: a.registers ?? [],
    officials: (a.officials ?? []).map((o) => ({ role: o.role, ...official(o) })),
    selectionOfficials: (a.selectionOfficials ?? []).map((s) => ({
      selectionId: s.selectionId,
      chair: official(s.chair),
      secretary: official(s.secretary),
    })),
  };
}

/** Only the parts that differ, so the audit reads as the change itself. */
function diff(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  if (!before) return { before: null, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export function createAgencyRepository({ Agency }: CandidateModels) {
  async function get(code: string): Promise<AgencyDto | null> {
    const doc = await Agency.findById(code).lean<AgencyDoc>();
    return doc ? toDto(doc) : null;
  }

  return {
    /** Seeds and scripts: replaces the given fields; records it does not name (officials, logo…) are kept. */
    async upsert(dto: AgencyDto): Promise<AgencyDto> {
      const { code, ...rest } = dto;
      const current = await Agency.findById(code).lean<AgencyDoc>();
      const kept: Record<string, unknown> = {};
      for (const key of OPTIONAL) if (current?.[key] !== undefined && rest[key] === undefined) kept[key] = current[key];
      await replaceById(Agency, code, { ...kept, ...rest, updatedAt: new Date() });
      return (await get(code))!;
    },

    get,

    /** Every agency in code order (a few hundred at most: ministries, bodies and regional governments). */
    async list(): Promise<AgencyDto[]> {
      const docs = await Agency.find().sort({ _id: 1 }).lean<AgencyDoc[]>();
      return docs.map(toDto);
    },

    /**
     * Applies a change and answers the new record with the audit record to store. The write is
     * conditional on the version read, so two editors cannot overwrite each other unseen (CONFLICT).
     */
    async change(
      code: string,
      change: AgencyChange,
      create: boolean,
      by: Actor,
      now: Date,
    ): Promise<{ agency: AgencyDto; audit: AuditRecordDto }> {
      const current = await get(code);
      if (create && current) throw new DomainError('CONFLICT', `Instansi ${code} sudah terdaftar`, 'code');
      if (!create && !current) throw new DomainError('NOT_FOUND', `Instansi ${code} tidak ditemukan`, 'code');
      if (!current && !change.settings) {
        throw new DomainError('VALIDATION_FAILED', 'Data instansi wajib diisi', 'settings');
      }
      const version = (current?.version ?? 0) + 1;
      const next: AgencyDto = { ...(current ?? ({ code } as AgencyDto)), ...(change.settings ?? {}), code, version };
      if (change.officials) next.officials = change.officials;
      if (change.logo !== undefined) next.logo = change.logo;
      if (change.selectionOfficials) {
        const s = change.selectionOfficials;
        next.selectionOfficials = [
          ...(current?.selectionOfficials ?? []).filter((x) => x.selectionId !== s.selectionId),
          s,
        ].sort((x, y) => x.selectionId.localeCompare(y.selectionId));
      }
      next.kind = agencyKindOf(next.kind, next.name);
      const { code: _code, ...fields } = next;
      if (current) {
        const sameVersion = current.version
          ? { version: current.version }
          : { $or: [{ version: { $exists: false } }, { version: 0 }] };
        const r = await Agency.replaceOne({ _id: code, ...sameVersion }, { ...fields, updatedAt: now });
        if (r.matchedCount === 0) {
          throw new DomainError(
            'CONFLICT',
            'Data instansi baru saja diubah orang lain; muat ulang lalu ulangi',
            'code',
          );
        }
      } else {
        try {
          await Agency.create({ _id: code, ...fields, updatedAt: now });
        } catch (err) {
          if (isDuplicateKeyError(err)) throw new DomainError('CONFLICT', `Instansi ${code} sudah terdaftar`, 'code');
          throw err;
        }
      }
      const { before, after } = diff(auditView(current), auditView(next)!);
      const audit: AuditRecordDto = {
        decisionId: `agency:${code}:v${version}`,
        selectionId: `agency:${code}`,
        workflowId: `agency:${code}`,
        kind: current ? 'AGENCY_UPDATED' : 'AGENCY_CREATED',
        by,
        at: now.toISOString(),
        reason: null,
        subjectId: code,
        payload: { version, before, after },
      };
      return { agency: next, audit };
    },
  };
}
export type AgencyRepository = ReturnType<typeof createAgencyRepository>;
