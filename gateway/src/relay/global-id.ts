/**
 * Global object identification (Relay `Node`) over the domain ids.
 *
 * Every id this system hands out is already unique across types and tells its type by its shape
 * (see packages/domain/src/ids.ts): an application is `<vacancyId>.<candidateId>`, a vacancy is
 * `<selectionId>-V<n>`, a document is a UUID, a talent filling starts with `TAL-`, anything else is
 * a selection. So the global id of a node *is* its domain id: `id` keeps the value every mutation
 * argument, URL and workflow id uses, and `node(id:)` accepts any id the API returned.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The node type names whose ids `typenameOfId` recognises. */
export type NodeTypename = 'Application' | 'Vacancy' | 'Document' | 'TalentFilling' | 'Selection';

/**
 * The types `node(id:)` loads (each checks the reader in its `loadOne`). Add a type here when it
 * becomes a `builder.node` (TalentFilling is recognised but not a node yet).
 */
export const LOADABLE_NODE_TYPES: ReadonlySet<NodeTypename> = new Set([
  'Selection',
  'Vacancy',
  'Application',
  'Document',
]);

export function typenameOfId(id: string): NodeTypename {
  if (UUID.test(id)) return 'Document';
  if (/^.+-V\d+\..+$/.test(id)) return 'Application';
  if (/^.+-V\d+$/.test(id)) return 'Vacancy';
  if (id.startsWith('TAL-')) return 'TalentFilling';
  return 'Selection';
}

export function encodeGlobalId(_typename: string, id: bigint | number | string): string {
  return String(id);
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  return { typename: typenameOfId(globalId), id: globalId };
}
