import { type Env, envInt, envOptional, envString } from '@dealergraph/runtime';

import type { SimulatorFaults } from './erp-simulator.js';

/** How `npm run erp-simulator` runs; the only place the simulator reads its environment and arguments. */
export interface SimulatorConfig {
  port: number;
  host: string;
  /** The gateway's GraphQL URL. */
  graphqlUrl: string;
  /** The ERP's API client; with `register` the simulator makes its own. */
  clientId?: string;
  clientSecret?: string;
  /** The endpoint's signing secret (`whsec_…`) when it was registered elsewhere. */
  secret?: string;
  /** Sign in as this ADMIN, create an ERP API client and register the simulator as a webhook endpoint. */
  register?: { email: string; password: string };
  /** The URL the graph posts to (default http://127.0.0.1:<port>/webhooks). */
  publicUrl?: string;
  pace: { acknowledgeMs: number; shipMs: number; invoiceMs: number };
  faults: Partial<SimulatorFaults>;
}

/** `--name value` and `--flag` arguments, then ERP_SIMULATOR_* variables, then the defaults. */
export function loadSimulatorConfig(argv: string[] = process.argv.slice(2), env: Env = process.env): SimulatorConfig {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.replace(/^--/, '');
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(name, next);
      i++;
    } else args.set(name, 'true');
  }
  const merged: Env = { ...env };
  for (const [name, value] of args) merged[`ERP_SIMULATOR_${name.toUpperCase().replaceAll('-', '_')}`] = value;
  const flag = (name: string) => merged[`ERP_SIMULATOR_${name}`] === 'true' || merged[`ERP_SIMULATOR_${name}`] === '1';
  const rate = (name: string) => Math.min(1, Math.max(0, Number(merged[`ERP_SIMULATOR_${name}`] ?? 0) || 0));
  const port = envInt(merged, 'ERP_SIMULATOR_PORT', 4090);
  const adminEmail = envOptional(merged, 'ERP_SIMULATOR_REGISTER_AS');
  return {
    port,
    host: envString(merged, 'ERP_SIMULATOR_HOST', '127.0.0.1'),
    graphqlUrl: envString(merged, 'ERP_SIMULATOR_GATEWAY', 'http://127.0.0.1:4000/graphql'),
    clientId: envOptional(merged, 'ERP_SIMULATOR_CLIENT_ID'),
    clientSecret: envOptional(merged, 'ERP_SIMULATOR_CLIENT_SECRET'),
    secret: envOptional(merged, 'ERP_SIMULATOR_SECRET'),
    register: adminEmail ? { email: adminEmail, password: envString(merged, 'ERP_SIMULATOR_PASSWORD', 'demo-pass-2026') } : undefined,
    publicUrl: envOptional(merged, 'ERP_SIMULATOR_PUBLIC_URL'),
    pace: {
      acknowledgeMs: envInt(merged, 'ERP_SIMULATOR_ACKNOWLEDGE_MS', 2000),
      shipMs: envInt(merged, 'ERP_SIMULATOR_SHIP_MS', 6000),
      invoiceMs: envInt(merged, 'ERP_SIMULATOR_INVOICE_MS', 10_000),
    },
    faults: {
      down: flag('DOWN'),
      errorRate: rate('ERROR_RATE'),
      errorStatus: envInt(merged, 'ERP_SIMULATOR_ERROR_STATUS', 503),
      timeoutRate: rate('TIMEOUT_RATE'),
      delayMs: envInt(merged, 'ERP_SIMULATOR_DELAY_MS', 0),
      duplicateAnswers: flag('DUPLICATES'),
      outOfOrder: flag('OUT_OF_ORDER'),
    },
  };
}
