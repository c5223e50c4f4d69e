/** Stored shapes every service's models share. */
import { Schema } from 'mongoose';
import { ROLES, type Actor, type ImportSourceDto } from '@seleksi/domain';

/** Who did something (`Actor`), embedded in the documents that record decisions (every service's models). */
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

/** Who wrote a record by an import (a profile, an assessment result, a target post), when, from which file. */
export type ImportSource = Omit<ImportSourceDto, 'at'> & { at: Date };
