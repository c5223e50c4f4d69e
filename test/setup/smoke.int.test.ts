import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';

describe('integration global setup', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('provides a Temporal dev server that answers getSystemInfo', async () => {
    const info = await connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toBeTruthy();
  });

  it('registers every search attribute from SEARCH_ATTRIBUTES', async () => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    const first = SEARCH_ATTRIBUTES[0];
    expect(first).toBeDefined();
    for (const sa of SEARCH_ATTRIBUTES) expect(customAttributes).toHaveProperty(sa.name);
  });

  it('provides a MongoDB-compatible store that answers ping', async () => {
    const conn = await mongoose.createConnection(inject('mongoUri'), { dbName: 'smoke' }).asPromise();
    try {
      const res = (await conn.db!.admin().command({ ping: 1 })) as { ok: number };
      expect(res.ok).toBe(1);
    } finally {
      await conn.close();
    }
  });

  it('provides the tool paths', () => {
    expect(inject('temporalCliPath')).toMatch(/temporal/);
    expect(typeof inject('temporalTestServerPath')).toBe('string');
  });
});
