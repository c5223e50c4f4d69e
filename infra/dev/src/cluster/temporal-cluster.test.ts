import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  TEMPORAL_CLUSTER_PORT_SPAN,
  TEMPORAL_SERVICES,
  temporalClusterPorts,
  temporalServerConfig,
} from './temporal-cluster';

describe('temporalClusterPorts', () => {
  it('gives every port its own number inside the span from the base port', () => {
    const ports = temporalClusterPorts(30_000);
    const all = [
      ports.frontend,
      ports.frontendHttp,
      ports.history,
      ports.matching,
      ports.worker,
      ...Object.values(ports.membership),
      ports.ui,
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(TEMPORAL_CLUSTER_PORT_SPAN);
    expect(Math.min(...all)).toBe(30_000);
    expect(Math.max(...all)).toBe(30_000 + TEMPORAL_CLUSTER_PORT_SPAN - 1);
  });
});

describe('temporalServerConfig', () => {
  const ports = temporalClusterPorts(31_000);
  const config = parse(
    temporalServerConfig({
      postgres: { host: '127.0.0.1', port: 5433, user: 'temporal', password: 'p"w:#' },
      ports,
      historyShards: 8,
      dynamicConfigFile: '/repo/infra/deploy/temporal/dynamicconfig.yaml',
    }),
  ) as {
    persistence: {
      numHistoryShards: number;
      defaultStore: string;
      visibilityStore: string;
      datastores: Record<string, { sql: Record<string, unknown> }>;
    };
    services: Record<string, { rpc: Record<string, unknown> }>;
    clusterMetadata: { clusterInformation: { active: { rpcAddress: string } } };
    dynamicConfigClient: { filepath: string };
  };

  it('keeps persistence and SQL visibility in their two PostgreSQL databases', () => {
    const { persistence } = config;
    expect(persistence.numHistoryShards).toBe(8);
    const main = persistence.datastores[persistence.defaultStore]!.sql;
    const visibility = persistence.datastores[persistence.visibilityStore]!.sql;
    expect(main).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 'temporal',
      connectAddr: '127.0.0.1:5433',
      user: 'temporal',
      password: 'p"w:#',
    });
    expect(visibility).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility' });
  });

  it('gives each service the gRPC and membership ports of temporalClusterPorts', () => {
    for (const s of TEMPORAL_SERVICES) {
      expect(config.services[s]!.rpc).toMatchObject({
        grpcPort: ports[s],
        membershipPort: ports.membership[s],
        bindOnLocalHost: true,
      });
    }
    expect(config.services.frontend!.rpc.httpPort).toBe(ports.frontendHttp);
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe(`127.0.0.1:${ports.frontend}`);
    expect(config.dynamicConfigClient.filepath).toBe('/repo/infra/deploy/temporal/dynamicconfig.yaml');
  });
});
