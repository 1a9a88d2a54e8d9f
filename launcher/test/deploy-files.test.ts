import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

import { generateSecrets, renderEnvFile, SECRET_NAMES } from '../src/production/secrets.js';
import { SERVICES } from '../src/supervisor/services.js';

/**
 * The files in deploy/ checked against the code they run: every service of the supervisor's list has a
 * Deployment, Service, PodDisruptionBudget, compose entry and HAProxy backend; probes and health checks
 * hit the paths and ports the services answer on; no secret is written as a value; the image runs as a
 * non-root user and its entry point starts each service's compiled entry module.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');

/** Port and metrics port of each service, as their configs default them (docs/CONFIGURATION.md). */
const PORTS: Record<string, number> = {
  gateway: 4000,
  dealers: 4001,
  products: 4002,
  prices: 4003,
  credit: 4004,
  orders: 4005,
  integration: 4006,
};
const metricsPort = (name: string) => PORTS[name] + 5400;
/** Liveness: the gateway's /healthcheck stays 200 while it drains (readiness turns 503); a subgraph's /health. */
const livenessPath = (name: string) => (name === 'gateway' ? '/healthcheck' : '/health');
/** Variables that hold a secret: the ones `npm run secrets` writes, and the URLs that carry passwords. */
const SECRET_VARIABLES = [...SECRET_NAMES, 'DATABASE_URL', 'REDIS_URL', 'POSTGRES_PASSWORD'];

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec: Record<string, any>;
  data?: Record<string, string>;
}

const manifests: K8sObject[] = readdirSync(join(DEPLOY, 'k8s'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(read(join('k8s', file))).map((document) => {
      expect(document.errors, file).toEqual([]);
      return document.toJS() as K8sObject;
    }),
  );
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, any> };

/** Every env entry of a pod template's containers. */

const envOf = (podSpec: any): { name: string; value?: string; valueFrom?: any }[] =>
  podSpec.containers.flatMap((container: any) => container.env ?? []);

describe('deploy files', () => {
  it('list every service the supervisor runs, and nothing else', () => {
    const names: string[] = SERVICES.map((s) => s.name).sort();
    expect(
      manifests
        .filter((m) => m.kind === 'Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(names);
    expect(
      Object.keys(compose.services)
        .filter((name) => names.includes(name))
        .sort(),
    ).toEqual(names);
  });

  for (const spec of SERVICES) {
    describe(spec.name, () => {
      it('has a Kubernetes Deployment with two replicas, probes on the right paths and ports, limits, a non-root user', () => {
        const deployment = find('Deployment', spec.name)!;
        expect(deployment.spec.replicas).toBe(2);
        const pod = deployment.spec.template.spec;
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
        const [container] = pod.containers;
        expect(container.args).toEqual([spec.name]);
        const ports = Object.fromEntries(container.ports.map((p: { name: string; containerPort: number }) => [p.name, p.containerPort]));
        expect(ports).toEqual({ http: PORTS[spec.name], metrics: metricsPort(spec.name) });
        // The service listens where the probes look: its port variable is set to the container's port.
        const env = Object.fromEntries(envOf(pod).map((e) => [e.name, e.value]));
        expect(env[spec.portVariable]).toBe(String(PORTS[spec.name]));
        expect(env[`${spec.name.toUpperCase()}_METRICS_PORT`]).toBe(String(metricsPort(spec.name)));
        expect(container.readinessProbe.httpGet).toEqual({ path: spec.healthPath, port: 'http' });
        expect(container.livenessProbe.httpGet).toEqual({ path: livenessPath(spec.name), port: 'http' });
        expect(container.resources.requests.cpu).toBeTruthy();
        expect(container.resources.requests.memory).toBeTruthy();
        expect(container.resources.limits.memory).toBeTruthy();
        expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(deployment.spec.template.metadata.annotations['prometheus.io/port']).toBe(String(metricsPort(spec.name)));
      });

      it('has a Service with named http and metrics ports and a disruption budget', () => {
        const service = find('Service', spec.name)!;
        expect(service.spec.selector).toEqual(find('Deployment', spec.name)!.spec.selector.matchLabels);
        expect(service.spec.ports).toEqual([
          { name: 'http', port: PORTS[spec.name], targetPort: 'http' },
          { name: 'metrics', port: metricsPort(spec.name), targetPort: 'metrics' },
        ]);
        const budget = find('PodDisruptionBudget', spec.name)!;
        expect(budget.spec.minAvailable).toBe(1);
        expect(budget.spec.selector).toEqual({ matchLabels: service.spec.selector });
      });

      it('has a compose service: two replicas after the prepare job, health-checked, listening where HAProxy looks', () => {
        const service = compose.services[spec.name];
        expect(service.command).toEqual([spec.name]);
        expect(service.deploy.replicas).toBe(2);
        expect(service.depends_on.prepare).toEqual({ condition: 'service_completed_successfully' });
        expect(service.healthcheck.test).toEqual(['CMD', 'dealergraph', 'health', spec.name]);
        expect(String(service.environment[spec.portVariable])).toBe(String(PORTS[spec.name]));
        expect(service.environment.NODE_ENV).toBe('production');
      });

      it('is balanced by the compose HAProxy over both replicas, checked like the cluster checks it', () => {
        const haproxy = read('haproxy.cfg');
        const port = PORTS[spec.name];
        expect(haproxy).toMatch(
          new RegExp(`frontend ${spec.name}\\n  bind :${port}\\n(  option forwardfor\\n)?  default_backend ${spec.name}_replicas\\n`),
        );
        expect(haproxy).toContain(
          `backend ${spec.name}_replicas\n  balance roundrobin\n  option httpchk GET ${spec.healthPath}\n  server-template ${spec.name} 2 ${spec.name}:${port}\n`,
        );
      });
    });
  }

  it('compose starts the services after the prepare job, which waits for PostgreSQL', () => {
    expect(compose.services.prepare.command).toEqual(['prepare']);
    expect(compose.services.prepare.depends_on.postgres).toEqual({ condition: 'service_healthy' });
    expect(compose.services.haproxy.volumes).toContain('./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(compose.services['admin-create'].command).toEqual(['admin-create']);
    const haproxy = read('haproxy.cfg');
    expect(haproxy).toContain('retry-on conn-failure\n');
    expect(haproxy).toContain('default-server check inter 1s fall 2 rise 1');
    // Calls between services go through HAProxy, as in npm run start:cluster.
    expect(compose.services.orders.environment.DEALERS_SERVICE_URL).toBe('http://haproxy:4001');
    expect(compose.services.gateway.environment.ORDERS_URL).toBe('http://haproxy:4005/graphql');
  });

  const haproxyBinary = spawnSync('haproxy', ['-v']).error ? undefined : 'haproxy';
  it.skipIf(!haproxyBinary)('has an HAProxy configuration that HAProxy itself accepts (haproxy -c; skipped without haproxy)', () => {
    const check = spawnSync(haproxyBinary!, ['-c', '-f', join(DEPLOY, 'haproxy.cfg')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('Configuration file is valid');
    expect(check.status).toBe(0);
  });

  it('gives the private signing key only to dealers and the one-shot jobs', () => {
    const holders = Object.entries(compose.services)
      .filter(([, service]) => service.environment?.JWT_PRIVATE_KEY)
      .map(([name]) => name)
      .sort();
    expect(holders).toEqual(['admin-create', 'dealers', 'prepare']);
    const k8sHolders = manifests
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .filter((m) => envOf(m.spec.template.spec).some((e) => e.name === 'JWT_PRIVATE_KEY'))
      .map((m) => m.metadata.name)
      .sort();
    expect(k8sHolders).toEqual(['dealergraph-prepare', 'dealers']);
  });

  it('never writes a secret as a value: Kubernetes refers to the Secret, compose to deploy/.env', () => {
    for (const manifest of manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'Job')) {
      for (const entry of envOf(manifest.spec.template.spec).filter((e) => SECRET_VARIABLES.includes(e.name))) {
        expect(entry.value, `${manifest.metadata.name} ${entry.name}`).toBeUndefined();
        expect(entry.valueFrom.secretKeyRef, `${manifest.metadata.name} ${entry.name}`).toEqual({
          name: 'dealergraph-secrets',
          key: entry.name,
        });
      }
    }
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    for (const key of Object.keys(find('ConfigMap', 'dealergraph-config')!.data!)) expect(SECRET_VARIABLES).not.toContain(key);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries({ ...service.environment })) {
        if (!SECRET_VARIABLES.includes(key)) continue;
        // What is left once the ${VAR:?hint} interpolations from deploy/.env are taken out.
        const literal = String(value).replace(/\$\{[A-Z_]+:\?[^}]*\}/g, '');
        if (!key.endsWith('_URL')) expect(literal, `${name} ${key}`).toBe('');
        // A URL may be written out (redis://redis:6379) but its password must come from the env file.
        else expect(literal, `${name} ${key}`).not.toMatch(/\/\/[^/@]*:[^/@]+@/);
      }
    }
    // Nothing that looks like a key or a password anywhere in deploy/.
    for (const file of ['compose.yaml', 'haproxy.cfg', 'Dockerfile', ...readdirSync(join(DEPLOY, 'k8s')).map((f) => join('k8s', f))]) {
      expect(read(file), file).not.toMatch(/BEGIN [A-Z ]*KEY|postgres:\/\/[^:@/]+:[^$@{]+@|redis:\/\/[^@\s]*:[^@\s]+@/);
    }
  });

  it('runs migrations once per deploy in a Job, with the same image and secrets', () => {
    const job = find('Job', 'dealergraph-prepare')!;
    const [container] = job.spec.template.spec.containers;
    expect(container.args).toEqual(['prepare']);
    expect(container.image).toBe(find('Deployment', 'gateway')!.spec.template.spec.containers[0].image);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    const names = envOf(job.spec.template.spec).map((e) => e.name);
    for (const key of ['DATABASE_URL', ...SECRET_NAMES]) expect(names).toContain(key);
  });

  it('makes the Kubernetes Secret from the env file npm run secrets writes, keys intact', async () => {
    const secrets = await generateSecrets();
    const dir = mkdtempSync(join(tmpdir(), 'dealergraph-secret-'));
    const file = join(dir, 'production.env');
    writeFileSync(file, renderEnvFile(secrets, new Date()), { mode: 0o600 });
    const script = join(DEPLOY, 'k8s', 'secret-from-env.mjs');
    try {
      const urls = { DATABASE_URL: 'postgres://dg:pw@db:5432/dealergraph', REDIS_URL: 'redis://redis:6379' };
      const secret = JSON.parse(execFileSync(process.execPath, [script, file], { encoding: 'utf8', env: { ...process.env, ...urls } }));
      expect(secret.metadata.name).toBe('dealergraph-secrets');
      expect(secret.stringData).toEqual({ ...urls, ...secrets });
      // Every key the manifests refer to is in it.
      const referred = new Set(
        manifests
          .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
          .flatMap((m) => envOf(m.spec.template.spec))
          .filter((e) => e.valueFrom?.secretKeyRef)
          .map((e) => e.valueFrom.secretKeyRef.key),
      );
      expect([...referred].sort()).toEqual(Object.keys(secret.stringData).sort());
      const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '' };
      expect(() => execFileSync(process.execPath, [script, file], { stdio: 'pipe', env })).toThrow(/missing DATABASE_URL, REDIS_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the image', () => {
    const dockerfile = read('Dockerfile');

    it('is built in stages on Node 24 (Debian bookworm-slim) and runs as a numeric non-root user', () => {
      const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
      expect(dockerfile).toMatch(/^RUN node scripts\/build\.mjs/m);
      const users = dockerfile.match(/^USER (.+)$/gm) ?? [];
      expect(users.length).toBeGreaterThan(0);
      const last = users.at(-1)!.slice('USER '.length).split(':')[0];
      expect(last).toMatch(/^\d+$/);
      expect(Number(last)).toBeGreaterThan(0);
      // The user the manifests run as.
      expect(find('Deployment', 'gateway')!.spec.template.spec.securityContext.runAsUser).toBe(Number(last));
      expect(existsSync(join(DEPLOY, 'Dockerfile.dockerignore'))).toBe(true);
      expect(read('Dockerfile.dockerignore')).toMatch(/^\*\*\/node_modules$/m);
      expect(read('Dockerfile.dockerignore')).toMatch(/^\.env$/m);
    });

    const dryRun = (...args: string[]) =>
      execFileSync('bash', [join(DEPLOY, 'docker-entrypoint.sh'), '--dry-run', ...args], {
        encoding: 'utf8',
        env: { ...process.env, APP_DIR: '/app' },
      })
        .trim()
        .split(' ');
    /** The source module a built file comes from (dist/x.js is compiled from src/x.ts). */
    const sourceOf = (built: string) =>
      join(
        ROOT,
        built
          .replace(/^\/app\//, '')
          .replace('/dist/', '/src/')
          .replace(/\.js$/, '.ts'),
      );

    it('starts each service from its compiled entry module, the way the supervisor does', () => {
      for (const spec of SERVICES) {
        const command = dryRun(spec.name);
        expect(command.slice(0, 5)).toEqual([
          'node',
          '--enable-source-maps',
          '--conditions=dealergraph-compiled',
          '--import',
          '/app/launcher/dist/supervisor/graphql-production.js',
        ]);
        expect(existsSync(sourceOf(command[4]))).toBe(true);
        // The supervisor (run from the sources here) starts the same module.
        expect(sourceOf(command[5])).toBe(spec.entry);
      }
    });

    it('runs the migrations and the first administrator by name, and refuses an unknown one', () => {
      const prepare = dryRun('prepare');
      expect(sourceOf(prepare.at(-1)!)).toBe(join(ROOT, 'launcher/src/prepare.main.ts'));
      const admin = dryRun('admin-create', '--email', 'it@example.com');
      expect(admin.slice(-3)).toEqual(['/app/launcher/dist/admin-create.main.js', '--email', 'it@example.com']);
      expect(existsSync(sourceOf(admin.at(-3)!))).toBe(true);
      expect(dryRun('health', 'gateway').at(-1)).toBe('http://127.0.0.1:4000/readiness');
      expect(dryRun('health', 'orders').at(-1)).toBe('http://127.0.0.1:4005/health');
      expect(() => execFileSync('bash', [join(DEPLOY, 'docker-entrypoint.sh'), '--dry-run', 'nonsense'], { stdio: 'pipe' })).toThrow(
        /usage: dealergraph/,
      );
    });
  });
});
