import type { AuditBrokenLink, AuditChainHead, AuditLinkProblem, AuditVerification } from '@seleksi/kit';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import type { GraphQLContext } from '../context';
import { requireAgencyAccess } from './talent';
import { agencyOfFilling } from './talent-filling';

const PROBLEMS = [
  'HASH_MISMATCH',
  'PREVIOUS_HASH_MISMATCH',
  'MISSING_LINK',
  'UNEXPECTED_SEQUENCE',
  'UNCHAINED',
] as const satisfies readonly AuditLinkProblem[];

const PROBLEM_TEXT: Record<AuditLinkProblem, string> = {
  HASH_MISMATCH: 'isi catatan telah diubah setelah dicatat',
  PREVIOUS_HASH_MISMATCH: 'catatan tidak menyambung ke catatan sebelumnya',
  MISSING_LINK: 'ada catatan yang hilang sebelum catatan ini',
  UNEXPECTED_SEQUENCE: 'nomor urut catatan tidak sah (catatan disisipkan)',
  UNCHAINED: 'catatan tidak tercatat dalam rantai',
};

const AuditLinkProblemEnum = builder.enumType('AuditLinkProblem', { values: PROBLEMS });

export const AuditChainHeadType = builder.objectRef<AuditChainHead>('AuditChainHead').implement({
  description: "A chain's last link: its sequence number and SHA-256 hash (hex)",
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    hash: t.exposeString('hash'),
  }),
});

const AuditBrokenLinkType = builder.objectRef<AuditBrokenLink>('AuditBrokenLink').implement({
  description: 'The first link of an audit chain that does not verify',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'The sequence number expected at this position' }),
    decisionId: t.string({ nullable: true, description: 'The record found there', resolve: (b) => b.decisionId }),
    problem: t.field({ type: AuditLinkProblemEnum, resolve: (b) => b.problem }),
    message: t.string({
      description: 'What is wrong, in Bahasa Indonesia',
      resolve: (b) => `Tautan ke-${b.seq}${b.decisionId ? ` (${b.decisionId})` : ''}: ${PROBLEM_TEXT[b.problem]}`,
    }),
  }),
});

export const AuditVerificationType = builder.objectRef<AuditVerification>('AuditVerification').implement({
  description: 'The hash chain of an audit record recomputed from the store',
  fields: (t) => ({
    selectionId: t.exposeID('selectionId'),
    ok: t.exposeBoolean('ok', { description: 'Every record links to the previous one and is unchanged' }),
    length: t.exposeInt('length', { description: 'Records read' }),
    head: t.field({
      type: AuditChainHeadType,
      nullable: true,
      description: 'The last link, or the last intact one before a break',
      resolve: (v) => v.head,
    }),
    firstBroken: t.field({ type: AuditBrokenLinkType, nullable: true, resolve: (v) => v.firstBroken }),
    printedHeadFound: t.boolean({
      nullable: true,
      description:
        "Checked against a head printed on a document: whether that link is in the chain's intact part, unchanged",
      resolve: (v) => v.printedHeadFound ?? null,
    }),
  }),
});

const ID_MAX = 200;

/** Public for announced rounds; a planned round or a talent filling only for the agency's staff. */
async function requireAuditReader(ctx: GraphQLContext, id: string): Promise<void> {
  const fillingAgency = agencyOfFilling(id);
  if (fillingAgency) return requireAgencyAccess(ctx, fillingAgency, 'selectionId');
  const s = await ctx.loaders.selection.load(id);
  const u = ctx.user;
  const staff =
    u !== null &&
    (u.role === 'ADMIN' || u.role === 'OVERSEER' || (u.role !== 'CANDIDATE' && u.agencyCode === s?.agencyCode));
  if (!s || (s.stage === 'PLANNED' && !staff)) throw gqlError('NOT_FOUND', 'Seleksi tidak ditemukan', 'selectionId');
}

builder.queryField('verifyAudit', (t) =>
  t.field({
    type: AuditVerificationType,
    description:
      "Recomputes the hash chain of a selection's (or talent filling's) audit record and names the first broken link " +
      '(public for announced rounds; the agency staff, the overseer and administrators otherwise)',
    args: {
      selectionId: t.arg.id(),
      printedSeq: t.arg.int({ required: false, description: 'A head printed on a document: its link number…' }),
      printedHash: t.arg.string({ required: false, description: '…and its hash (64 hex digits)' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const id = String(args.selectionId);
        if (id.length === 0 || id.length > ID_MAX) {
          throw gqlError('VALIDATION_FAILED', `Id seleksi harus 1–${ID_MAX} karakter`, 'selectionId');
        }
        const { printedSeq, printedHash } = args;
        if ((printedSeq == null) !== (printedHash == null)) {
          throw gqlError('VALIDATION_FAILED', 'Isi nomor tautan dan sidiknya bersama-sama', 'printedHash');
        }
        if (printedHash != null && !/^[0-9a-f]{64}$/.test(printedHash)) {
          throw gqlError('VALIDATION_FAILED', 'Sidik harus 64 digit heksadesimal', 'printedHash');
        }
        if (printedSeq != null && printedSeq < 1) {
          throw gqlError('VALIDATION_FAILED', 'Nomor tautan mulai dari 1', 'printedSeq');
        }
        await requireAuditReader(ctx, id);
        const printed = printedSeq != null && printedHash != null ? { seq: printedSeq, hash: printedHash } : null;
        return ctx.services.candidate.verifyAudit(id, printed);
      }),
  }),
);
