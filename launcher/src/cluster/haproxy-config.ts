/** One service behind the load balancer: where clients reach it and where its replicas listen. */
export interface BalancedService {
  name: string;
  /** The address clients (and the other services) use: HAProxy listens here. */
  bind: { host: string; port: number };
  replicaPorts: number[];
  /** The replica's health check: /readiness for the gateway (503 while it drains), /health for a subgraph. */
  healthPath: string;
}

/**
 * HAProxy's configuration for the cluster: one frontend per service on its public port, round robin
 * over replicas that pass their health check every second. A request whose connection to a replica
 * fails (a killed process) is sent to the other one (`retry-on conn-failure`, `redispatch`): only
 * connection failures are retried, so a mutation is never sent twice. WebSocket upgrades pass
 * through, with tunnels kept for an hour.
 */
export function haproxyConfig({ services }: { services: BalancedService[] }): string {
  const lines = [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  option http-server-close',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  retries 2',
    '  option redispatch 1',
    '  retry-on conn-failure',
  ];
  for (const service of services) {
    lines.push(
      `frontend ${service.name}`,
      `  bind ${service.bind.host}:${service.bind.port}`,
      `  default_backend ${service.name}_replicas`,
      `backend ${service.name}_replicas`,
      '  balance roundrobin',
      `  option httpchk GET ${service.healthPath}`,
      ...service.replicaPorts.map((port, index) => `  server ${service.name}${index + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 1`),
    );
  }
  return `${lines.join('\n')}\n`;
}
