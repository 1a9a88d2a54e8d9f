import { describe, expect, it } from 'vitest';

import { haproxyConfig } from '../src/cluster/haproxy-config.js';

describe('the cluster load balancer configuration', () => {
  const text = haproxyConfig({
    services: [
      { name: 'gateway', bind: { host: '0.0.0.0', port: 4000 }, replicaPorts: [4100, 4200], healthPath: '/readiness' },
      { name: 'orders', bind: { host: '127.0.0.1', port: 4005 }, replicaPorts: [4105, 4205], healthPath: '/health' },
    ],
  });

  it('puts each service on its public port in front of its replicas, checked every second', () => {
    expect(text).toContain('frontend gateway\n  bind 0.0.0.0:4000\n  default_backend gateway_replicas');
    expect(text).toContain(
      'option httpchk GET /readiness\n  server gateway1 127.0.0.1:4100 check inter 1s fall 2 rise 1\n  server gateway2 127.0.0.1:4200',
    );
    expect(text).toContain('frontend orders\n  bind 127.0.0.1:4005');
    expect(text).toContain('server orders2 127.0.0.1:4205 check');
  });

  it('retries only what never reached a replica, and keeps sockets open', () => {
    expect(text).toContain('retry-on conn-failure\n');
    expect(text).not.toMatch(/retry-on .*(empty-response|all-retryable-errors|response-timeout|50\d)/);
    expect(text).toContain('timeout tunnel 1h');
  });
});
