/** The documents argument of `applyToVacancy` (kept apart from application-files.ts, which extends Application). */
import { APPLICATION_DOCUMENT_KINDS } from '@seleksi/domain';
import { builder } from '../builder';

export const ApplicationDocumentKindEnum = builder.enumType('ApplicationDocumentKind', {
  description: 'What an uploaded application document is; APPLICATION_LETTER and CV are required',
  values: APPLICATION_DOCUMENT_KINDS,
});

export const ApplicationDocumentInput = builder.inputType('ApplicationDocumentInput', {
  description: 'A PDF sent with an application (GraphQL multipart request); checked by content, at most 2 MB',
  fields: (t) => ({
    kind: t.field({ type: ApplicationDocumentKindEnum, required: true }),
    file: t.field({ type: 'File', required: true }),
  }),
});
