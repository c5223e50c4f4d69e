/**
 * Change feeds (the read model's timeline entries and stage events, the gateways' sign-in changes) are
 * read by bucket equality (an index FerretDB v1 uses), not by a time range (which it would answer by
 * reading the whole collection): each record carries the number of the 10-second slot its time falls in.
 */
export const FEED_BUCKET_MS = 10_000;

export function feedBucketOf(recordedAt: Date): number {
  return Math.floor(recordedAt.getTime() / FEED_BUCKET_MS);
}
