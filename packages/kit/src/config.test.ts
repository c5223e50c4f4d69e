import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, logEnv, mongoEnv, portVar, serviceUrlsEnv } from './config';

const schema = z.object({ ...mongoEnv, ...logEnv, ...serviceUrlsEnv, PORT: portVar(4101) });

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig(schema, {})).toEqual({
      MONGODB_URI: 'mongodb://127.0.0.1:27018',
      LOG_LEVEL: 'info',
      CANDIDATE_SERVICE_URL: 'http://127.0.0.1:4101',
      ASSESSMENT_SERVICE_URL: 'http://127.0.0.1:4102',
      DOCUMENT_SERVICE_URL: 'http://127.0.0.1:4103',
      PORT: 4101,
    });
  });

  it('coerces values, trims trailing slashes and treats empty strings as unset', () => {
    const cfg = loadConfig(schema, { PORT: '0', LOG_LEVEL: '', DOCUMENT_SERVICE_URL: 'http://doc:9000/' });
    expect(cfg.PORT).toBe(0);
    expect(cfg.LOG_LEVEL).toBe('info');
    expect(cfg.DOCUMENT_SERVICE_URL).toBe('http://doc:9000');
  });

  it('lists every invalid variable in one error', () => {
    let error: unknown;
    try {
      loadConfig(schema, {
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        MONGODB_URI: 'postgres://x',
        CANDIDATE_SERVICE_URL: 'ftp://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'LOG_LEVEL', 'MONGODB_URI', 'CANDIDATE_SERVICE_URL'])
      expect(message).toContain(`- ${name}:`);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
