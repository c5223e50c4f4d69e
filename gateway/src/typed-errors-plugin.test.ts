import { describe, expect, it } from 'vitest';
import { fieldOfVariableError } from './typed-errors-plugin';

describe('fieldOfVariableError', () => {
  it.each([
    [
      'Variable "$input" got invalid value { title: "x" }; Field "announcementDate" of required type "LocalDate!" was not provided.',
      'input.announcementDate',
    ],
    [
      'Variable "$input" got invalid value "Q" at "input.vacancies[0].level"; Value "Q" does not exist in "JptLevel" enum.',
      'input.vacancies.0.level',
    ],
    ['Variable "$v" of required type "ID!" was not provided.', undefined],
    ['Cannot query field "nope" on type "Query".', undefined],
  ])('%s → %s', (message, field) => {
    expect(fieldOfVariableError(message)).toBe(field);
  });
});
