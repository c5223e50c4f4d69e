/**
 * JSON shapes exchanged between the gateway, the worker's activities and the services' REST APIs.
 * Dates travel as ISO-8601 strings (instants) or `YYYY-MM-DD` (local calendar dates).
 */
import type { AgencyTimeZone, JptLevel } from './levels';
import type { ApplicationStatus, ReasonCode, SelectionStage } from './stages';
import type { Actor } from './roles';
import type { ScreeningDto } from './records';
import type { SelectionRules } from './rules/selection-rules';
import type {
  AgencyKind,
  AgencyLogoDto,
  AgencyOfficialDto,
  AgencyRegisterDto,
  LegacyAgencyKind,
  SelectionOfficialsDto,
} from './agency';

/** An agency (instansi) that fills JPT posts: reference data owned by services/candidate. */
export interface AgencyDto {
  code: string; // e.g. 'KALTIM'
  name: string; // 'Pemerintah Provinsi Kalimantan Timur'
  address: string;
  city: string; // place used on letters: 'Samarinda'
  province: string;
  timeZone: AgencyTimeZone;
  /** The candidate service answers the current kinds; legacy ones are accepted on input (agencyKindOf). */
  kind: AgencyKind | LegacyAgencyKind;
  /** Region the agency governs or sits in ('Kalimantan Timur', 'Kutai Kartanegara'); default: province. */
  region?: string;
  /** Letterhead lines under the name; when absent, `address` and `city` are printed. */
  addressLines?: string[];
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  /** Helpdesk service hours (portal footer). */
  serviceHours?: string | null;
  logo?: AgencyLogoDto | null;
  /** Number patterns that replace the default ones per document class. */
  registers?: AgencyRegisterDto[];
  officials?: AgencyOfficialDto[];
  selectionOfficials?: SelectionOfficialsDto[];
  /** +1 per change (the audit names the version); 0 before the first recorded change. */
  version?: number;
}

export const EDUCATION_LEVELS = ['SMA', 'D3', 'S1', 'D4', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const SKP_PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type SkpPredicate = (typeof SKP_PREDICATES)[number];

/** Levels of a disciplinary sanction (hukuman disiplin ringan / sedang / berat, PP 94/2021). */
export const SANCTION_LEVELS = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];

/** Kind of post held, as the eligibility rules name them (domain.md §1.4). */
export const POSITION_KINDS = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'JF_AHLI_UTAMA',
  'JF_AHLI_MADYA',
  'JF_AHLI_MUDA',
  'JF_AHLI_PERTAMA',
] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export interface CareerEntryDto {
  position: string;
  positionKind: PositionKind;
  unit: string;
  agencyCode: string;
  from: string; // YYYY-MM-DD
  to?: string | null; // last day in the post (inclusive); null = current
  /** Fields of duty (bidang tugas) of the post, matched against a vacancy's field for related experience. */
  fields?: string[];
}

/** An ASN profile (data from the civil-service register), owned by services/candidate. Personal data. */
export interface ProfileDto {
  id: string; // opaque, never the NIP
  nip: string; // 18 digits, validated by parseNip
  name: string;
  rank: string; // golongan, e.g. 'IV/b'
  /** TMT of the rank (YYYY-MM-DD), when known (imports). */
  rankSince?: string;
  agencyCode: string;
  education: EducationLevel;
  educationMajor?: string;
  careers: CareerEntryDto[];
  skp: { year: number; predicate: SkpPredicate }[];
  lhkpnFiled: boolean;
  disciplinarySanction: boolean;
  /** Leadership trainings completed (PIM/PKN/PKA/PKP, as written in the register), when known. */
  trainings?: string[];
  /** Competency-development hours (JP) per calendar year, when imported (the IP ASN competency dimension). */
  developmentHours?: { year: number; hours: number }[];
  /** Disciplinary sanctions with the date imposed (TMT), when imported (the IP ASN discipline dimension). */
  sanctions?: { level: SanctionLevel; since: string }[];
  /** The e-mail on record (SIASN); a self-registration with the same e-mail and birth date is linked at once. */
  email?: string | null;
}

export interface VacancyDto {
  id: string; // vacancyId(selectionId, i)
  level: JptLevel;
  position: string; // 'Kepala Dinas Pendidikan dan Kebudayaan'
  unit: string;
  status: 'OPEN' | 'CLOSED' | 'CANCELLED' | 'FILLED';
  outcome?: string | null;
  extendedUntil?: string | null;
  shortlist?: string[] | null;
  /** What the Pansel's decision on an undersubscribed vacancy started: a new round, or a talent-pool filling. */
  followUp?: VacancyFollowUpDto | null;
}

/** The process a vacancy decision started, by id (the link the other way is on that process). */
export interface VacancyFollowUpDto {
  kind: 'REANNOUNCED' | 'TALENT_FILLING';
  /** The new round's selection id, or the talent filling's id. */
  id: string;
  workflowId: string;
}

/**
 * One version of the stored default rules new rounds start from: national (`scope` 'NATIONAL') or one
 * agency's (its code). Append-only: each change adds the next revision with who, when and why.
 */
export interface RuleSetVersionDto {
  scope: string;
  revision: number;
  rules: SelectionRules;
  changedBy: Actor;
  changedAt: string;
  reason: string;
}

/** The round and vacancy a re-announced round comes from. */
export interface SelectionOriginDto {
  selectionId: string;
  vacancyId: string;
}

/** Stage history entry of a selection's read model. */
export interface StageEventDto {
  eventId: string; // idempotency key: recording the same event twice is a no-op
  stage: SelectionStage;
  at: string; // instant
  reasonCode: ReasonCode;
  expectedNextAt?: string | null; // when the next step is expected (from the working-day engine)
}

/** Read model of a selection round, projected by the workflow's activities into services/candidate. */
export interface SelectionDto {
  id: string;
  agencyCode: string;
  title: string;
  workflowId: string;
  stage: SelectionStage;
  timeZone: AgencyTimeZone;
  announcementDate: string; // YYYY-MM-DD, local
  registrationClosesAt: string; // instant
  vacancies: VacancyDto[];
  announcementDocumentId?: string | null;
  /** Training mode: every day of the process lasts a few seconds; documents are marked SIMULASI. */
  simulation?: boolean;
  /** The rule values the round runs with (pinned at its start); absent on rounds not projected since. */
  rules?: SelectionRules | null;
  /** The round a re-announced vacancy came from. */
  origin?: SelectionOriginDto | null;
  stageHistory: StageEventDto[];
  createdBy: Actor;
  createdAt: string;
}

export interface TimelineEntryDto {
  eventId: string;
  at: string;
  status: ApplicationStatus;
  reasonCode: ReasonCode;
  note?: string | null;
  expectedNextAt?: string | null;
}

export interface ApplicationDto {
  id: string; // applicationId(vacancyId, candidateId)
  selectionId: string;
  vacancyId: string;
  candidateId: string; // ProfileDto.id
  status: ApplicationStatus;
  submittedAt: string;
  timeline: TimelineEntryDto[];
  /** Permission of the candidate's home PPK to apply, as declared at submission. */
  homePpkPermission?: boolean;
  /** Result of the administrative screening, once decided. */
  screening?: ScreeningDto | null;
}

/** Official documents of an open selection, in stage order (domain.md §5). */
export const DOCUMENT_KINDS = [
  'VACANCY_ANNOUNCEMENT',
  'PANSEL_DECREE',
  'EXTENSION_NOTICE',
  'VACANCY_CANCELLATION',
  'ADMINISTRATIVE_RESULT_MINUTES',
  'ADMINISTRATIVE_RESULT_ANNOUNCEMENT',
  'SCORE_SHEET',
  'FINAL_RESULT_MINUTES',
  'FINAL_RESULT_ANNOUNCEMENT',
  'REPORT_TO_PPK',
  'LETTER_TO_OVERSEER',
  'OVERSEER_RECOMMENDATION',
  'APPOINTMENT_DECREE',
  'INAUGURATION_MINUTES',
  'COMPLETION_REPORT',
  // Talent route: the PPK's yearly succession-plan group (KRS) decision and the successor proposal.
  'SUCCESSION_GROUP_DECISION',
  'SUCCESSOR_PROPOSAL',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentVisibility = 'PUBLIC' | 'RESTRICTED';

/** Who issued a document, as printed on it: the agency and the signatory. */
export interface DocumentIssuerDto {
  agencyName: string;
  signatoryName: string;
  signatoryTitle: string;
}

/**
 * Metadata of an issued document (the bytes are served separately). Issued documents never change: a
 * correction is a new document (new number, `version + 1`) whose `supersedesId` names the one it replaces.
 */
export interface DocumentDto {
  id: string;
  kind: DocumentKind;
  agencyCode: string;
  selectionId?: string | null;
  number: string; // from the agency's numbering scheme
  title: string;
  visibility: DocumentVisibility;
  sha256: string;
  verificationCode: string;
  sizeBytes: number;
  issuedAt: string;
  /** The date printed on the document (YYYY-MM-DD, agency-local). */
  date: string;
  issuedBy: DocumentIssuerDto;
  /** 1 for an original; each correction adds one. */
  version: number;
  supersedesId: string | null;
  /** The correction that replaced this document, if any (derived: the document itself is not changed). */
  supersededById: string | null;
  /** Why this version was issued (null for an original). */
  correctionReason: string | null;
  /** The round's decision chain head printed on the document (null: issued outside a round or before chaining). */
  auditChainHead: AuditChainHead | null;
  /** The chain that head belongs to: the selection's id, or the talent filling's (null with no head). */
  auditChainId: string | null;
}

/** What a verification answers: the document is current, replaced by a correction, or unknown/changed. */
export const VERIFICATION_STATUSES = [
  'VALID',
  'SUPERSEDED',
  'FILE_MISMATCH',
  'NOT_FOUND',
  /** The file matches the record, but its signature does not verify with the trust anchors (changed or forged). */
  'SIGNATURE_INVALID',
  /**
   * Issued before documents were signed (the store's signing start): unsigned, so only as trustworthy as the
   * stored record; shown as such, never as VALID.
   */
  'UNSIGNED_LEGACY',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** VALID: intact and chained to a trust anchor; INVALID: changed or broken; UNTRUSTED: unknown signer; MISSING: unsigned. */
export const SIGNATURE_STATUSES = ['VALID', 'INVALID', 'UNTRUSTED', 'MISSING'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** The check of a document's PAdES signature. */
export interface SignatureCheckDto {
  status: SignatureStatus;
  /** Why it is not VALID (English, for logs and operators). */
  reason: string | null;
  /** The signing certificate's common name and full subject. */
  signer: string | null;
  signerSubject: string | null;
  /** Who issued the signing certificate. */
  issuer: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The signing time the signature carries (ISO 8601). */
  signedAt: string | null;
}

export interface DocumentVerificationDto {
  status: VerificationStatus;
  /** The document the code or the file identifies (null when NOT_FOUND). */
  document: DocumentDto | null;
  /** The newest version when `status` is SUPERSEDED. */
  latest: DocumentDto | null;
  /** SHA-256 of the uploaded file, when a file was checked. */
  fileSha256: string | null;
  /** The signature of the checked file (the uploaded one, else the stored one); null when nothing was found. */
  signature: SignatureCheckDto | null;
}

/** Request to render and issue a vacancy announcement. */
/**
 * A decision chain's last link (the audit record of a selection or talent filling): its sequence number and
 * SHA-256 hash (hex). Printed on the documents of the round and published with its result, so a later edit,
 * deletion or insertion of a record before it shows when the chain is recomputed.
 */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

export interface VacancyAnnouncementRequest {
  idempotencyKey: string; // same key → same document, never a second number
  kind: 'VACANCY_ANNOUNCEMENT';
  /** The round's decision chain head at issue, printed in the verification box (set by the worker). */
  auditChainHead?: AuditChainHead | null;
  agency: AgencyDto;
  selection: {
    id: string;
    title: string;
    announcementDate: string; // YYYY-MM-DD local; also the letter date
    registrationClosesAt: string; // instant
    /** The closing day was computed on a provisional calendar (no SKB for its year yet). */
    registrationProvisional?: boolean;
    timeZone: AgencyTimeZone;
    vacancies: Pick<VacancyDto, 'id' | 'level' | 'position' | 'unit'>[];
    requirements: string[]; // Bahasa Indonesia lines
  };
  signatory: { name: string; title: string; nip?: string | null };
}

/** A bordered table of an official document; its header row is repeated on every page it spans. */
export interface DocumentTable {
  caption?: string; // bold line above the table
  columns: { header: string; width?: number /* relative, default 1 */; align?: 'left' | 'center' | 'right' }[];
  rows: string[][]; // one cell per column; no rows prints one row of '-'
}

/**
 * Request to render and issue any official document other than the vacancy announcement. The layout
 * follows the kind: decrees (PANSEL_DECREE, APPOINTMENT_DECREE) print 'KEPUTUSAN <signatory.title>',
 * 'NOMOR …', 'TENTANG <title>' and are signed 'Ditetapkan di … pada tanggal …'; letters (REPORT_TO_PPK,
 * LETTER_TO_OVERSEER, OVERSEER_RECOMMENDATION, COMPLETION_REPORT) print Nomor/Sifat/Lampiran/Perihal and
 * the recipient; every other kind (minutes, announcements, score sheets) prints the title and number,
 * with `subject` under 'TENTANG' when given.
 *
 * Paragraph conventions (`paragraphs` and `closing`), so decrees and minutes lay out like printed ones:
 * - `'{{table:N}}'` alone places `tables[N]` (0-based) there; tables not placed print after the paragraphs;
 * - `'Label : text'` (1–3 words, capitalised, spaces around the colon) is a row of a label column, e.g.
 *   'Menimbang : a. bahwa …', 'KESATU : …', 'Hari/Tanggal : Senin, 24 November 2026';
 * - `'a. text'`, `'1. text'`, `'1) text'`, `'- text'` is a list item with a hanging indent (in the value
 *   column when it follows a label row);
 * - `'A. Heading'` / `'II. Heading'` (no final full stop) is a bold section heading;
 * - an all-capitals line without a final full stop (e.g. 'MEMUTUSKAN:') is a centred bold heading.
 */
export interface OfficialDocumentRequest {
  idempotencyKey: string; // same key → same document and number, never a second number
  kind: Exclude<DocumentKind, 'VACANCY_ANNOUNCEMENT'>;
  agency: AgencyDto;
  selectionId: string | null;
  /** The decision chain the document belongs to when it is not a selection's: a talent filling's id. */
  auditChainId?: string | null;
  /** The round's decision chain head at issue, printed in the verification box (set by the worker). */
  auditChainHead?: AuditChainHead | null;
  title: string; // e.g. 'BERITA ACARA HASIL SELEKSI ADMINISTRASI'; for decrees the subject after 'TENTANG'
  subject?: string | null; // 'Perihal' line for letters (default: title)
  date: string; // YYYY-MM-DD local letter date
  visibility: DocumentVisibility; // PUBLIC for announcements, RESTRICTED for minutes/score sheets/letters
  recipient?: string[] | null; // 'Yth. …' lines for letters
  paragraphs: string[]; // body, in order
  tables?: DocumentTable[]; // printed after the paragraphs unless placed with '{{table:N}}'
  closing?: string[] | null; // paragraphs after the tables
  signatory: { name: string; title: string; nip?: string | null };
  /** Required for decree kinds (DECREE_KINDS): Menimbang, Mengingat, Memutuskan. */
  decree?: DecreeContent | null;
  /** Titles of the attachments ('Lampiran'); letters print their count, other kinds list them. */
  attachments?: string[] | null;
  /** 'Tembusan' (copies to), printed under the signature. */
  copies?: string[] | null;
}

/** Kinds laid out as a decree (keputusan): they need `decree`. */
export const DECREE_KINDS = ['PANSEL_DECREE', 'APPOINTMENT_DECREE', 'SUCCESSION_GROUP_DECISION'] as const;

/**
 * The body of a decree in the order the naskah-dinas rules give: 'Menimbang' (considerations, each a
 * 'bahwa …' clause), 'Mengingat' (the legal basis, one regulation per entry), then 'MEMUTUSKAN:',
 * 'Menetapkan : <KEPUTUSAN … TENTANG …>' and the dictums KESATU, KEDUA, … (one per entry). Tables of the
 * request print after the dictums as the decree's attachment (lampiran).
 */
export interface DecreeContent {
  considering: string[];
  legalBasis: string[];
  decisions: string[];
}

export type IssueDocumentRequest = VacancyAnnouncementRequest | OfficialDocumentRequest;

/** The decision chain a document request belongs to: its selection's, or the talent filling's it names. */
export const auditChainOf = (req: IssueDocumentRequest): string | null =>
  req.kind === 'VACANCY_ANNOUNCEMENT' ? req.selection.id : (req.auditChainId ?? req.selectionId);

/** What a correction may change in an official document; everything else is copied from the one it replaces. */
export type OfficialDocumentChanges = Partial<
  Pick<
    OfficialDocumentRequest,
    | 'title'
    | 'subject'
    | 'date'
    | 'recipient'
    | 'paragraphs'
    | 'tables'
    | 'closing'
    | 'signatory'
    | 'decree'
    | 'attachments'
    | 'copies'
  >
>;

/** What a correction may change in a vacancy announcement. */
export type AnnouncementChanges = Partial<
  Pick<VacancyAnnouncementRequest['selection'], 'title' | 'announcementDate' | 'registrationClosesAt' | 'requirements'>
> & { signatory?: VacancyAnnouncementRequest['signatory'] };

/**
 * Request to correct an issued document: a new document with a new number, version + 1, printing which
 * document it replaces and why. Only the newest version can be corrected (one correction per document).
 */
export interface CorrectDocumentRequest {
  idempotencyKey: string;
  reason: string;
  /** Who asked for the correction (recorded, not printed). */
  correctedBy: { userId: string; displayName: string };
  changes: OfficialDocumentChanges | AnnouncementChanges;
  /** The round's decision chain head now, printed on the correction (absent: none printed). */
  auditChainHead?: AuditChainHead | null;
}

/** Printed on a correction, under its title: the document it replaces and why. */
export interface CorrectionNote {
  number: string;
  date: string; // YYYY-MM-DD of the replaced document
  reason: string;
}

/** Error body every service returns: `{ error: { code, message, field? } }` with a 4xx/5xx status. */
export interface ServiceErrorBody {
  error: { code: string; message: string; field?: string };
}
