import { Schema } from 'mongoose';
import { ROLES, type Actor } from '@seleksi/domain';

/** Who did something (`Actor`), embedded in the documents that record decisions. */
export const actorSchema = new Schema<Actor>(
  {
    userId: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String },
  },
  { _id: false },
);

/** The stored actor as an `Actor`, without a `displayName` key when none was given. */
export function toActor(a: Actor): Actor {
  return a.displayName
    ? { userId: a.userId, role: a.role, displayName: a.displayName }
    : { userId: a.userId, role: a.role };
}
