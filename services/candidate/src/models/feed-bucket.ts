/**
 * The change feed reads timeline entries and stage events by `feedBucket` equality (an index FerretDB v1 uses),
 * not by a `recordedAt` range (which it would answer by reading the whole collection): each record carries
 * the number of the 10-second slot its `recordedAt` falls in.
 */
export const FEED_BUCKET_MS = 10_000;

export function feedBucketOf(recordedAt: Date): number {
  return Math.floor(recordedAt.getTime() / FEED_BUCKET_MS);
}
