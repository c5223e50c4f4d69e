/**
 * `_id` of a child record keyed by (parent, eventId). JSON keeps it unambiguous whatever the parts
 * contain; the primary key then makes "insert once" atomic on MongoDB and FerretDB alike.
 */
export function compoundId(parentId: string, eventId: string): string {
  return JSON.stringify([parentId, eventId]);
}
