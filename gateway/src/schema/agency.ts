/**
 * Agency records: the national administrator creates and edits every agency; an agency administrator
 * edits its own agency's settings, officials and logo. Every change is validated here (typed errors
 * naming the input field) and again by services/candidate, which writes it and its audit record.
 */
import {
  AGENCY_KINDS,
  AGENCY_OFFICIAL_ROLES,
  AGENCY_TIME_ZONES,
  LOGO_MAX_BYTES,
  agencyKindOf,
  type AgencyDto,
  type AgencyOfficialDto,
  type AgencyRegisterDto,
  type AuditRecordDto,
  type OfficialDto,
  type SelectionOfficialsDto,
} from '@seleksi/domain';
import {
  agencyChangeSchema,
  agencyOfficialsSchema,
  agencySettingsSchema,
  idField,
  issueCode,
  selectionOfficialsSchema,
  type AgencyChange,
} from '@seleksi/kit';
import type { z } from 'zod';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { actorOf } from './decision';

const AgencyKindEnum = builder.enumType('AgencyKind', { values: AGENCY_KINDS });
const AgencyTimeZoneEnum = builder.enumType('AgencyTimeZone', { values: AGENCY_TIME_ZONES });
const AgencyOfficialRoleEnum = builder.enumType('AgencyOfficialRole', {
  values: AGENCY_OFFICIAL_ROLES,
  description: 'PPK: appointing official; SEKDA: PyB / regional secretary; BKD_HEAD: head of the BKD',
});

const OfficialType = builder.objectRef<OfficialDto>('Official').implement({
  description: 'A person who signs documents: name, title and NIP as printed under the signature',
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    nip: t.exposeString('nip', { nullable: true }),
  }),
});

const AgencyOfficialType = builder.objectRef<AgencyOfficialDto>('AgencyOfficial').implement({
  fields: (t) => ({
    role: t.field({ type: AgencyOfficialRoleEnum, resolve: (o) => o.role }),
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    nip: t.exposeString('nip', { nullable: true }),
  }),
});

const SelectionOfficialsType = builder.objectRef<SelectionOfficialsDto>('SelectionOfficials').implement({
  description: "A selection round's Pansel chair and secretary (they sign the Pansel's documents)",
  fields: (t) => ({
    selectionId: t.exposeID('selectionId'),
    chair: t.field({ type: OfficialType, nullable: true, resolve: (s) => s.chair }),
    secretary: t.field({ type: OfficialType, nullable: true, resolve: (s) => s.secretary }),
  }),
});

const AgencyRegisterType = builder.objectRef<AgencyRegisterDto>('AgencyRegister').implement({
  description: 'A document register: the number pattern used instead of the default for one document class',
  fields: (t) => ({ documentClass: t.exposeString('documentClass'), pattern: t.exposeString('pattern') }),
});

const AgencyLogoType = builder.objectRef<NonNullable<AgencyDto['logo']>>('AgencyLogo').implement({
  fields: (t) => ({
    sha256: t.exposeString('sha256'),
    contentType: t.exposeString('contentType'),
    width: t.exposeInt('width'),
    height: t.exposeInt('height'),
    bytes: t.exposeInt('bytes'),
  }),
});

export const AgencyType = builder.objectRef<AgencyDto>('Agency').implement({
  description: 'An agency (instansi) with its letterhead, registers and officials',
  fields: (t) => ({
    code: t.exposeID('code'),
    name: t.exposeString('name', { description: "Official name, e.g. 'Pemerintah Provinsi Kalimantan Timur'" }),
    kind: t.field({ type: AgencyKindEnum, resolve: (a) => agencyKindOf(a.kind, a.name) }),
    region: t.string({ resolve: (a) => a.region || a.province }),
    province: t.exposeString('province'),
    city: t.exposeString('city', { description: 'Place printed on letters' }),
    timeZone: t.field({ type: AgencyTimeZoneEnum, resolve: (a) => a.timeZone }),
    address: t.exposeString('address'),
    addressLines: t.stringList({ resolve: (a) => a.addressLines ?? [] }),
    phone: t.string({ nullable: true, resolve: (a) => a.phone ?? null }),
    email: t.string({ nullable: true, resolve: (a) => a.email ?? null }),
    website: t.string({ nullable: true, resolve: (a) => a.website ?? null }),
    serviceHours: t.string({
      nullable: true,
      description: "Helpdesk service hours shown in the portal's footer",
      resolve: (a) => a.serviceHours ?? null,
    }),
    logo: t.field({ type: AgencyLogoType, nullable: true, resolve: (a) => a.logo ?? null }),
    registers: t.field({ type: [AgencyRegisterType], resolve: (a) => a.registers ?? [] }),
    officials: t.field({ type: [AgencyOfficialType], resolve: (a) => a.officials ?? [] }),
    selectionOfficials: t.field({ type: [SelectionOfficialsType], resolve: (a) => a.selectionOfficials ?? [] }),
    version: t.int({ resolve: (a) => a.version ?? 0 }),
  }),
});

/** One recorded change of an agency: who, when, and the changed parts before and after (JSON). */
const AgencyChangeType = builder.objectRef<AuditRecordDto>('AgencyChange').implement({
  fields: (t) => ({
    id: t.exposeID('decisionId'),
    kind: t.exposeString('kind', { description: 'AGENCY_CREATED or AGENCY_UPDATED' }),
    version: t.int({ resolve: (r) => Number(r.payload.version ?? 0) }),
    byUserId: t.string({ resolve: (r) => r.by.userId }),
    byRole: t.string({ resolve: (r) => r.by.role }),
    byName: t.string({ nullable: true, resolve: (r) => r.by.displayName ?? null }),
    at: t.field({ type: 'DateTime', resolve: (r) => new Date(r.at) }),
    before: t.string({
      nullable: true,
      description: 'JSON of the changed parts before (null on creation); NIPs masked',
      resolve: (r) => (r.payload.before == null ? null : JSON.stringify(r.payload.before)),
    }),
    after: t.string({
      description: 'JSON of the changed parts after; NIPs masked',
      resolve: (r) => JSON.stringify(r.payload.after),
    }),
  }),
});

// --- inputs -----------------------------------------------------------------------------------

const AgencyRegisterInput = builder.inputType('AgencyRegisterInput', {
  fields: (t) => ({ documentClass: t.string(), pattern: t.string() }),
});

const AgencySettingsInput = builder.inputType('AgencySettingsInput', {
  fields: (t) => ({
    name: t.string(),
    kind: t.field({ type: AgencyKindEnum }),
    region: t.string(),
    province: t.string({ required: false }),
    city: t.string({ description: 'Place printed on letters' }),
    timeZone: t.field({ type: AgencyTimeZoneEnum }),
    address: t.string({ required: false }),
    addressLines: t.stringList({ required: false, description: 'Letterhead lines under the name (at most 4)' }),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    website: t.string({ required: false }),
    serviceHours: t.string({ required: false, description: 'Helpdesk service hours (portal footer)' }),
    registers: t.field({ type: [AgencyRegisterInput], required: false }),
  }),
});

const OfficialInput = builder.inputType('OfficialInput', {
  fields: (t) => ({ name: t.string(), title: t.string(), nip: t.string({ required: false }) }),
});

const AgencyOfficialInput = builder.inputType('AgencyOfficialInput', {
  fields: (t) => ({
    role: t.field({ type: AgencyOfficialRoleEnum }),
    name: t.string(),
    title: t.string(),
    nip: t.string({ required: false }),
  }),
});

// --- access -----------------------------------------------------------------------------------

const ADMIN_ROLES = ['ADMIN', 'AGENCY_ADMIN'] as const;

/** The national administrator manages all agencies; an agency administrator only its own. */
function requireAgencyAdmin(ctx: GraphQLContext, code: string): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN') return;
  if (u.role === 'AGENCY_ADMIN' && u.agencyCode === code) return;
  throw gqlError('FORBIDDEN', 'Anda hanya dapat mengelola instansi Anda sendiri', 'agencyCode');
}

/** Parses with the shared schema; NIP problems answer INVALID_NIP, the rest VALIDATION_FAILED. */
function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  throw gqlError(issueCode(issue), issue?.message ?? 'Masukan tidak valid', field);
}

async function change(ctx: GraphQLContext, code: string, body: AgencyChange, create = false): Promise<AgencyDto> {
  // Checked once more as a whole, as the service will.
  parse(agencyChangeSchema, body, 'input');
  return ctx.services.candidate.changeAgency(code, { by: actorOf(ctx), create, change: body });
}

// --- queries ----------------------------------------------------------------------------------

builder.queryField('agencies', (t) =>
  t.field({
    type: [AgencyType],
    description: 'Every agency (national administrator) or your own (agency administrator)',
    authScopes: { roles: [...ADMIN_ROLES] },
    resolve: (_r, _a, ctx) =>
      typed(async () => {
        const u = ctx.user!;
        if (u.role === 'ADMIN') return ctx.services.candidate.listAgencies();
        const own = u.agencyCode ? await ctx.services.candidate.getAgency(u.agencyCode) : null;
        return own ? [own] : [];
      }),
  }),
);

builder.queryField('agency', (t) =>
  t.field({
    type: AgencyType,
    nullable: true,
    description: 'One agency with its officials; staff of the agency and administrators',
    authScopes: { roles: [...ADMIN_ROLES, 'PANSEL_SECRETARY', 'PPK'] },
    args: { agencyCode: t.arg.id() },
    resolve: (_r, { agencyCode: code }, ctx) =>
      typed(async () => {
        const u = ctx.user!;
        if (u.role !== 'ADMIN' && u.agencyCode !== String(code)) {
          throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat instansi Anda sendiri', 'agencyCode');
        }
        return ctx.services.candidate.getAgency(String(code));
      }),
  }),
);

builder.queryField('agencyChanges', (t) =>
  t.field({
    type: [AgencyChangeType],
    description: "The agency's recorded changes, oldest first (first 200)",
    authScopes: { roles: [...ADMIN_ROLES] },
    args: { agencyCode: t.arg.id() },
    resolve: (_r, { agencyCode: code }, ctx) =>
      typed(async () => {
        requireAgencyAdmin(ctx, String(code));
        const page = await ctx.services.candidate.listAuditRecords({ selectionId: `agency:${code}`, limit: 200 });
        return page.items;
      }),
  }),
);

// --- mutations --------------------------------------------------------------------------------

builder.mutationField('createAgency', (t) =>
  t.field({
    type: AgencyType,
    description: 'Registers an agency (national administrator)',
    authScopes: { roles: ['ADMIN'] },
    args: {
      code: t.arg.id({ description: "Short code, e.g. 'KALTIM' (letters, digits, '-' and '_')" }),
      input: t.arg({ type: AgencySettingsInput }),
      officials: t.arg({ type: [AgencyOfficialInput], required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const code = String(args.code).trim().toUpperCase();
        if (!idField.safeParse(code).success || !/^[A-Z0-9_-]{2,30}$/.test(code)) {
          throw gqlError('VALIDATION_FAILED', "Kode instansi 2–30 huruf, angka, '-' atau '_'", 'code');
        }
        const settings = parse(agencySettingsSchema, args.input, 'input');
        const officials = args.officials ? parse(agencyOfficialsSchema, args.officials, 'officials') : undefined;
        return change(ctx, code, { settings, ...(officials ? { officials } : {}) }, true);
      }),
  }),
);

builder.mutationField('updateAgency', (t) =>
  t.field({
    type: AgencyType,
    description: "Replaces the agency's settings (name, kind, region, time zone, letterhead, contact, registers)",
    authScopes: { roles: [...ADMIN_ROLES] },
    args: { agencyCode: t.arg.id(), input: t.arg({ type: AgencySettingsInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAdmin(ctx, String(args.agencyCode));
        return change(ctx, String(args.agencyCode), { settings: parse(agencySettingsSchema, args.input, 'input') });
      }),
  }),
);

builder.mutationField('setAgencyOfficials', (t) =>
  t.field({
    type: AgencyType,
    description: "Replaces the agency's PPK, PyB/Sekda and BKD head; documents issued afterwards print them",
    authScopes: { roles: [...ADMIN_ROLES] },
    args: { agencyCode: t.arg.id(), officials: t.arg({ type: [AgencyOfficialInput] }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAdmin(ctx, String(args.agencyCode));
        return change(ctx, String(args.agencyCode), {
          officials: parse(agencyOfficialsSchema, args.officials, 'officials'),
        });
      }),
  }),
);

builder.mutationField('setSelectionOfficials', (t) =>
  t.field({
    type: AgencyType,
    description: "Records a selection round's Pansel chair and secretary; the Pansel's later documents print the chair",
    authScopes: { roles: [...ADMIN_ROLES] },
    args: {
      agencyCode: t.arg.id(),
      selectionId: t.arg.id(),
      chair: t.arg({ type: OfficialInput, required: false }),
      secretary: t.arg({ type: OfficialInput, required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const code = String(args.agencyCode);
        requireAgencyAdmin(ctx, code);
        const selectionOfficials = parse(
          selectionOfficialsSchema,
          { selectionId: String(args.selectionId), chair: args.chair ?? null, secretary: args.secretary ?? null },
          '',
        );
        const selection = await ctx.services.candidate.getSelection(selectionOfficials.selectionId);
        if (!selection || selection.agencyCode !== code) {
          throw gqlError('NOT_FOUND', 'Seleksi tidak ditemukan pada instansi ini', 'selectionId');
        }
        return change(ctx, code, { selectionOfficials });
      }),
  }),
);

builder.mutationField('uploadAgencyLogo', (t) =>
  t.field({
    type: AgencyType,
    description: `Sets the letterhead logo: a PNG or JPEG image of at most ${LOGO_MAX_BYTES / 1024} KB (checked by its content)`,
    authScopes: { roles: [...ADMIN_ROLES] },
    args: { agencyCode: t.arg.id(), file: t.arg({ type: 'File', required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const code = String(args.agencyCode);
        requireAgencyAdmin(ctx, code);
        if (!(await ctx.services.candidate.getAgency(code))) {
          throw gqlError('NOT_FOUND', `Instansi ${code} tidak ditemukan`, 'agencyCode');
        }
        const file = args.file;
        if (!file || typeof file.arrayBuffer !== 'function')
          throw gqlError('INVALID_IMAGE', 'Berkas logo tidak terbaca', 'file');
        if (file.size > LOGO_MAX_BYTES) {
          throw gqlError('INVALID_IMAGE', `Ukuran logo paling besar ${LOGO_MAX_BYTES / 1024} KB`, 'file');
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The document service checks the content (structure, dimensions, pixel data) before storing it.
        let logo;
        try {
          logo = await ctx.services.document.putLogo(bytes);
        } catch (err) {
          const e = err as { code?: string; message?: string };
          if (e.code === 'INVALID_IMAGE')
            throw gqlError('INVALID_IMAGE', e.message ?? 'Berkas logo tidak valid', 'file');
          throw err;
        }
        return change(ctx, code, { logo });
      }),
  }),
);
