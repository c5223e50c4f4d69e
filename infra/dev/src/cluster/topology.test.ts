import { describe, expect, it } from 'vitest';
import { buildTopology, loadClusterConfig, processOf, topologyPorts } from './topology';

describe('cluster topology', () => {
  it('builds every process from one base port, with distinct ports and the replica counts asked for', () => {
    const t = buildTopology(loadClusterConfig({ CLUSTER_BASE_PORT: '9300', WORKERS: '4', GATEWAYS: '3' }));
    const ports = topologyPorts(t).map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.min(...ports)).toBe(9300);
    expect(processOf(t, 'worker').instances.map((i) => i.name)).toEqual([
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-4',
    ]);
    expect(processOf(t, 'gateway').replicas).toBe(3);
    expect(processOf(t, 'proxy').env.PROXY_TARGETS!.split(',')).toEqual(
      processOf(t, 'gateway').instances.map((i) => `http://127.0.0.1:${i.ports.http}`),
    );
    // Every dependency names a process of the topology, and the gateways trust exactly one proxy.
    const names = new Set(t.processes.map((p) => p.name));
    for (const p of t.processes) for (const dep of p.dependsOn) expect(names, `${p.name} → ${dep}`).toContain(dep);
    expect(processOf(t, 'gateway').env.TRUST_PROXY).toBe('1');
    expect(processOf(t, 'gateway').env.PUBLIC_URL).toBe('http://localhost:9300');
  });

  it('uses MONGODB_URI instead of FerretDB when set, and refuses a bad setting', () => {
    const t = buildTopology(loadClusterConfig({ MONGODB_URI: 'mongodb://db.example:27017/?replicaSet=rs0' }));
    expect(t.processes.some((p) => p.name === 'ferretdb')).toBe(false);
    expect(processOf(t, 'candidate').env.MONGODB_URI).toBe('mongodb://db.example:27017/?replicaSet=rs0');
    expect(processOf(t, 'candidate').dependsOn).toEqual([]);
    expect(() => loadClusterConfig({ WORKERS: '0' })).toThrow(/WORKERS=0/);
  });
});
