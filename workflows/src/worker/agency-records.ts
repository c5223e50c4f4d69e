/**
 * Documents print the agency's records as they stand when the document is issued: the letterhead
 * (name, address lines, contact, logo), its registers, and the signatory — the PPK for decrees and
 * the inauguration minutes, the selection's Pansel chair for the Pansel's papers. The workflow's input
 * pins the agency as it was when the round was created; this port wrapper replaces it at issue time,
 * and the document service stores the resolved request with the PDF, so an issued document never
 * changes while the next one follows a change of official. Without a record the request is kept.
 */
import { auditChainOf } from '@seleksi/domain';
import type { AgencyDto, AuditChainHead, DocumentKind, IssueDocumentRequest, OfficialDto } from '@seleksi/domain';

/** Kinds the appointing official signs (as workflows/src/open-selection/documents.ts and the talent route do). */
const PPK_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'PANSEL_DECREE',
  'APPOINTMENT_DECREE',
  'INAUGURATION_MINUTES',
  'SUCCESSION_GROUP_DECISION',
]);

/** Kinds a Pansel chair of the round signs when one is recorded (the rest of a selection's documents). */
const NOT_CHAIR_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([...PPK_KINDS, 'SUCCESSOR_PROPOSAL']);

type Signatory = IssueDocumentRequest['signatory'];

function asSignatory(o: OfficialDto): Signatory {
  return { name: o.name, title: o.title, nip: o.nip };
}

/** The signatory the records name for this request, or null to keep the request's. */
export function recordedSignatory(agency: AgencyDto, req: IssueDocumentRequest): Signatory | null {
  if (PPK_KINDS.has(req.kind)) {
    const ppk = agency.officials?.find((o) => o.role === 'PPK');
    return ppk ? asSignatory(ppk) : null;
  }
  if (NOT_CHAIR_KINDS.has(req.kind)) return null;
  const selectionId = req.kind === 'VACANCY_ANNOUNCEMENT' ? req.selection.id : req.selectionId;
  const chair = selectionId ? agency.selectionOfficials?.find((s) => s.selectionId === selectionId)?.chair : null;
  return chair ? asSignatory(chair) : null;
}

/** The request as the records say now: current letterhead and registers, recorded signatory. */
export function withRecords<R extends IssueDocumentRequest>(req: R, agency: AgencyDto | null): R {
  if (!agency || agency.code !== req.agency.code) return req;
  // People are resolved into `signatory`; the stored request keeps the letterhead, not the lists.
  const { officials: _o, selectionOfficials: _s, ...letterhead } = agency;
  return { ...req, agency: letterhead, signatory: recordedSignatory(agency, req) ?? req.signatory };
}

interface Ports {
  candidate: {
    getAgency(code: string): Promise<AgencyDto | null>;
    verifyAudit(selectionId: string): Promise<{ ok: boolean; head: AuditChainHead | null }>;
  };
  document: {
    issueVacancyAnnouncement(req: never): Promise<unknown>;
    issueDocument(req: never): Promise<unknown>;
  };
}

/**
 * The same ports, with the document port issuing every request `withRecords` and with the round's decision
 * chain head at issue (a retry may read a later head; the document service keeps what it first printed).
 */
export function withAgencyRecords<P extends Ports>(ports: P): P {
  const original = ports.document as unknown as {
    issueVacancyAnnouncement(req: IssueDocumentRequest): Promise<unknown>;
    issueDocument(req: IssueDocumentRequest): Promise<unknown>;
  };
  const resolve = async (req: IssueDocumentRequest): Promise<IssueDocumentRequest> => {
    const chain = auditChainOf(req);
    const [agency, auditChainHead] = await Promise.all([
      ports.candidate.getAgency(req.agency.code),
      // Recomputed, not the stored last hash: a record inserted or edited in the store is never printed as
      // genuine; a broken chain prints its last intact link (and verifyAudit names the break).
      chain ? ports.candidate.verifyAudit(chain).then((v) => v.head) : null,
    ]);
    return { ...withRecords(req, agency), auditChainHead };
  };
  // Inherit every other method of the client; only the two issuing calls change.
  const document = Object.assign(Object.create(ports.document as object) as object, {
    issueVacancyAnnouncement: async (req: IssueDocumentRequest) =>
      original.issueVacancyAnnouncement.call(ports.document, await resolve(req)),
    issueDocument: async (req: IssueDocumentRequest) => original.issueDocument.call(ports.document, await resolve(req)),
  });
  return { ...ports, document } as P;
}
