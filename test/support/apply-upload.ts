/** `applyToVacancy` with PDF uploads as the portal sends it: a GraphQL multipart request. */
import type { GraphQLResult } from './stack';

export interface Upload {
  kind: string;
  bytes: Buffer;
  name: string;
}

export interface ApplyReceipt {
  id: string;
  status: string;
  submittedAt: string;
  receivedAt: string;
}

export const APPLY_WITH_FILES = `mutation($v: ID!, $docs: [ApplicationDocumentInput!]) {
  applyToVacancy(vacancyId: $v, documents: $docs) { id status submittedAt receivedAt }
}`;

export async function applyWithUploads(
  gatewayUrl: string,
  token: string,
  vacancyId: string,
  uploads: readonly Upload[],
  signal?: AbortSignal,
): Promise<GraphQLResult<{ applyToVacancy: ApplyReceipt }>> {
  const form = new FormData();
  const docs = uploads.map((u) => ({ kind: u.kind, file: null }));
  form.set('operations', JSON.stringify({ query: APPLY_WITH_FILES, variables: { v: vacancyId, docs } }));
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(uploads.map((_u, i) => [String(i), [`variables.docs.${i}.file`]]))),
  );
  uploads.forEach((u, i) =>
    form.set(String(i), new Blob([new Uint8Array(u.bytes)], { type: 'application/pdf' }), u.name),
  );
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
    signal,
  });
  return (await res.json()) as GraphQLResult<{ applyToVacancy: ApplyReceipt }>;
}
