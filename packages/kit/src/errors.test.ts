import { DomainError, ERROR_CODES } from '@seleksi/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HTTP_STATUS_BY_CODE, toErrorResponse } from './errors';

describe('toErrorResponse', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['INVALID_NIP', 400],
    ['NOT_FOUND', 404],
    ['UNKNOWN_VACANCY', 404],
    ['DUPLICATE_APPLICATION', 409],
    ['CONFLICT', 409],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['UNAVAILABLE', 503],
  ] as const)('maps DomainError %s to %i with its code and field', (code, status) => {
    const res = toErrorResponse(new DomainError(code, 'Pesan', 'nip'));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: 'Pesan', field: 'nip' } });
  });

  it('has a status for every error code', () => {
    for (const code of ERROR_CODES) expect(HTTP_STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
  });

  it('omits field when the domain error has none', () => {
    expect(toErrorResponse(new DomainError('NOT_FOUND', 'x')).body).toEqual({
      error: { code: 'NOT_FOUND', message: 'x' },
    });
  });

  it('turns zod errors into VALIDATION_FAILED with the first failing path as field', () => {
    const schema = z.object({ selection: z.object({ vacancies: z.array(z.string()).min(1) }), name: z.string() });
    const result = schema.safeParse({ selection: { vacancies: [] }, name: 1 });
    expect(result.success).toBe(false);
    const res = toErrorResponse(result.error);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.field).toBe('selection.vacancies');
    expect(res.body.error.message).toContain('name');
    expect(res.internal).toBe(false);
  });

  it('keeps body-parser 4xx errors as VALIDATION_FAILED', () => {
    const parse = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(toErrorResponse(parse)).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Malformed JSON body' } },
    });
    const large = Object.assign(new Error('too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(toErrorResponse(large).status).toBe(413);
  });

  it('maps duplicate-key errors of both shapes to 409 CONFLICT', () => {
    expect(toErrorResponse({ name: 'MongoServerError', code: 11000, message: 'E11000 duplicate key' }).status).toBe(
      409,
    );
    const ferret = {
      name: 'MongoServerError',
      code: 1,
      codeName: 'InternalError',
      message: 'UNIQUE constraint failed: index',
    };
    expect(toErrorResponse(ferret).body.error.code).toBe('CONFLICT');
  });

  it('hides everything about unknown failures behind 500 INTERNAL', () => {
    const err = new Error('connect ECONNREFUSED 10.0.0.5:27017 nip=197103121997032004');
    const res = toErrorResponse(err);
    expect(res).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal error' } },
      internal: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
    expect(toErrorResponse('a string').status).toBe(500);
    expect(toErrorResponse(null).status).toBe(500);
  });

  it('answers a store out of reach as 503 UNAVAILABLE, without the driver message', () => {
    for (const err of [
      Object.assign(new Error('Server selection timed out after 1500 ms'), { name: 'MongooseServerSelectionError' }),
      Object.assign(new Error('connection 3 to 127.0.0.1:27018 closed'), { name: 'MongoNetworkError' }),
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
    ]) {
      const res = toErrorResponse(err);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toMatch(/27018|socket|selection/);
    }
  });
});
