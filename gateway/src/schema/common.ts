/** Scalars and enums shared by every type; enum values mirror the exported domain constants. */
import { GraphQLError } from 'graphql';
import { APPLICATION_STATUSES, ERROR_CODES, JPT_LEVELS, ROLES, SELECTION_STAGES, isLocalDate } from '@seleksi/domain';
import { builder } from '../builder';

/** What Date.prototype.toISOString prints for years 0000–9999. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

builder.scalarType('DateTime', {
  description: 'An instant, ISO-8601 in UTC',
  // Services send instants as JSON strings already in toISOString's form: those go out as they are
  // (parsing and printing every date again was a visible share of a list's serialisation).
  serialize: (v) =>
    v instanceof Date ? v.toISOString() : typeof v === 'string' && ISO_INSTANT.test(v) ? v : new Date(v).toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime()))
      throw new GraphQLError('DateTime tidak valid', { extensions: { code: 'VALIDATION_FAILED' } });
    return d;
  },
});

builder.scalarType('LocalDate', {
  description: "A calendar date YYYY-MM-DD in the agency's time zone",
  serialize: (v) => v,
  parseValue: (v) => {
    if (typeof v !== 'string' || !isLocalDate(v)) {
      throw new GraphQLError('Tanggal harus berformat YYYY-MM-DD', { extensions: { code: 'VALIDATION_FAILED' } });
    }
    return v;
  },
});

export const RoleEnum = builder.enumType('Role', { values: ROLES });
export const JptLevelEnum = builder.enumType('JptLevel', { values: JPT_LEVELS });
export const SelectionStageEnum = builder.enumType('SelectionStage', { values: SELECTION_STAGES });
export const ApplicationStatusEnum = builder.enumType('ApplicationStatus', { values: APPLICATION_STATUSES });
export const DayKindEnum = builder.enumType('DayKind', { values: ['CALENDAR', 'WORKING'] as const });
builder.enumType('ErrorCode', {
  description: 'Values of `extensions.code` on errors returned by this API',
  values: ERROR_CODES,
});

builder.queryType({});
builder.mutationType({});
