/** The renderer the issuer uses: picks the layout from the request's kind. */
import type { IssueDocumentRequest } from '@seleksi/domain';
import { renderVacancyAnnouncement } from './announcement';
import type { IssueMeta } from './document';
import { renderOfficialDocument } from './official';

export function renderDocument(req: IssueDocumentRequest, meta: IssueMeta): Promise<Buffer> {
  return req.kind === 'VACANCY_ANNOUNCEMENT' ? renderVacancyAnnouncement(req, meta) : renderOfficialDocument(req, meta);
}
