/**
 * Validation of agency records (candidate service) and of their edits (gateway): one schema, so both
 * name the same field with the same Indonesian message.
 */
import {
  AGENCY_KINDS,
  AGENCY_OFFICIAL_ROLES,
  AGENCY_TIME_ZONES,
  LEGACY_AGENCY_KINDS,
  NIP_PROBLEM_TEXT_ID,
  checkNip,
  type AgencyDto,
  type OfficialDto,
} from '@seleksi/domain';
import { z } from 'zod';

const line = (label: string, max: number) =>
  z.string().trim().min(1, `${label} wajib diisi`).max(max, `${label} paling panjang ${max} karakter`);

/** An 18-digit NIP checked by the domain's rules; INVALID_NIP marks it for the error mapping. */
export const nipField = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .superRefine((nip, ctx) => {
    const r = checkNip(nip);
    if (!r.ok)
      ctx.addIssue({ code: 'custom', message: NIP_PROBLEM_TEXT_ID[r.problem], params: { code: 'INVALID_NIP' } });
  });

export const officialSchema = z.object({
  name: line('Nama pejabat', 200),
  title: line('Jabatan', 200),
  nip: nipField.nullish().transform((v) => v || null),
}) satisfies z.ZodType<OfficialDto, unknown>;

/** `{seq}` or `{seq:N}` once, `{year}` and `{agency}` at most: the patterns numbering.ts renders. */
const registerPattern = z
  .string()
  .trim()
  .min(1, 'Pola nomor wajib diisi')
  .max(120, 'Pola nomor paling panjang 120 karakter')
  .refine((p) => (p.match(/\{seq(?::[1-9])?\}/g) ?? []).length === 1, 'Pola nomor harus memuat tepat satu {seq}')
  .refine(
    (p) => (p.match(/\{[^}]*\}/g) ?? []).every((t) => /^\{(seq(:[1-9])?|year|agency)\}$/.test(t)),
    'Pola nomor hanya boleh memuat {seq}, {seq:N}, {year} dan {agency}',
  );

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} paling panjang ${max} karakter`)
    .nullish()
    .transform((v) => v || null);

/** The editable settings of an agency (everything but its code, logo and version). */
export const agencySettingsSchema = z.object({
  name: line('Nama resmi instansi', 300),
  kind: z.enum([...AGENCY_KINDS, ...LEGACY_AGENCY_KINDS], { message: 'Jenis instansi tidak dikenal' }),
  region: line('Wilayah', 100),
  province: z.string().trim().max(100).default(''),
  city: line('Kota tempat surat', 100),
  timeZone: z.enum(AGENCY_TIME_ZONES, { message: 'Zona waktu harus WIB, WITA atau WIT' }),
  address: z.string().trim().max(500).default(''),
  addressLines: z.array(line('Baris alamat', 200)).max(4, 'Paling banyak 4 baris alamat').optional(),
  phone: optionalText('Telepon', 50).refine(
    (v) => v === null || /^[0-9+()\-\s]{5,50}$/.test(v),
    'Nomor telepon tidak valid',
  ),
  email: optionalText('Surel', 200).refine(
    (v) => v === null || z.email().safeParse(v).success,
    'Alamat surel tidak valid',
  ),
  website: optionalText('Laman', 200).refine(
    (v) => v === null || /^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(v),
    'Alamat laman tidak valid',
  ),
  /** Helpdesk service hours shown in the portal's footer, e.g. 'Senin–Jumat 08.00–16.00 WITA'. */
  serviceHours: optionalText('Jam layanan', 200),
  registers: z
    .array(z.object({ documentClass: line('Kelas dokumen', 60), pattern: registerPattern }))
    .max(20)
    .superRefine((regs, ctx) => {
      const seen = new Map<string, number>();
      regs.forEach((r, i) => {
        if (seen.has(r.documentClass)) {
          ctx.addIssue({ code: 'custom', path: [i, 'documentClass'], message: 'Kelas dokumen tercatat dua kali' });
        }
        seen.set(r.documentClass, i);
      });
      // Two registers must never print the same number.
      const patterns = new Set<string>();
      regs.forEach((r, i) => {
        if (patterns.has(r.pattern))
          ctx.addIssue({ code: 'custom', path: [i, 'pattern'], message: 'Pola nomor dipakai dua kali' });
        patterns.add(r.pattern);
      });
    })
    .optional(),
});
export type AgencySettings = z.output<typeof agencySettingsSchema>;

export const agencyOfficialsSchema = z
  .array(officialSchema.extend({ role: z.enum(AGENCY_OFFICIAL_ROLES, { message: 'Peran pejabat tidak dikenal' }) }))
  .max(AGENCY_OFFICIAL_ROLES.length)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      if (seen.has(o.role))
        ctx.addIssue({ code: 'custom', path: [i, 'role'], message: 'Peran pejabat tercatat dua kali' });
      seen.add(o.role);
    });
  });

export const selectionOfficialsSchema = z.object({
  selectionId: z
    .string()
    .trim()
    .min(1, 'Seleksi wajib diisi')
    .max(200)
    .regex(/^[^\s,/]+$/, 'Kode seleksi tidak valid'),
  chair: officialSchema.nullish().transform((v) => v ?? null),
  secretary: officialSchema.nullish().transform((v) => v ?? null),
});

/** A change of an agency's records: any of its parts; the rest is kept. */
export const agencyChangeSchema = z.object({
  settings: agencySettingsSchema.optional(),
  officials: agencyOfficialsSchema.optional(),
  selectionOfficials: selectionOfficialsSchema.optional(),
  logo: z
    .object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      contentType: z.enum(['image/png', 'image/jpeg']),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      bytes: z.number().int().positive(),
    })
    .nullish(),
});
export type AgencyChange = z.output<typeof agencyChangeSchema>;

/** Body of `POST /agencies/:code/changes`: who, whether it creates, and what changes. */
export interface AgencyChangeRequest {
  by: { userId: string; role: string; displayName?: string };
  /** true: the agency must not exist yet (settings required); false: it must exist. */
  create: boolean;
  change: z.input<typeof agencyChangeSchema>;
}

/** The NIP of an issue marked by `nipField`, so callers answer INVALID_NIP instead of VALIDATION_FAILED. */
export function issueCode(issue: z.core.$ZodIssue | undefined): 'INVALID_NIP' | 'VALIDATION_FAILED' {
  const params = (issue as { params?: { code?: string } } | undefined)?.params;
  return params?.code === 'INVALID_NIP' ? 'INVALID_NIP' : 'VALIDATION_FAILED';
}

export type { AgencyDto };

/** The letterhead fields of an agency's record as the services accept them (candidate: stored; document: printed). */
export const agencyLetterheadShape = {
  region: z.string().max(100).optional(),
  addressLines: z.array(z.string().max(200)).max(4).optional(),
  phone: z.string().max(50).nullish(),
  email: z.string().max(200).nullish(),
  website: z.string().max(200).nullish(),
  serviceHours: z.string().max(200).nullish(),
  logo: agencyChangeSchema.shape.logo,
  registers: agencySettingsSchema.shape.registers,
};
