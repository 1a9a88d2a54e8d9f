import { moduleOf } from './build-mode.js';

export type ServiceName = 'dealers' | 'products' | 'prices' | 'credit' | 'orders' | 'integration' | 'gateway' | 'erp-simulator';
export const SUBGRAPH_SERVICES = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration'] as const;

/** One process `npm start` runs: its own entry point, the port variable it reads, how it says it is up. */
export interface ServiceSpec {
  name: ServiceName;
  entry: string;
  portVariable: string;
  healthPath: string;
  /** How its output and messages name it when several run (`orders.2`); its name otherwise. */
  label?: string;
  /** Which of several copies it is (0, 1, …; `npm run start:cluster`); absent when it runs alone. */
  replica?: number;
}

/** Subgraphs first: the gateway loads its schema from the committed supergraph but calls them at once. */
export const SERVICES: readonly ServiceSpec[] = [
  ...SUBGRAPH_SERVICES.map((name) => ({
    name,
    entry: moduleOf(`subgraphs/${name}`, 'main'),
    portVariable: `${name.toUpperCase()}_PORT`,
    healthPath: '/health',
  })),
  { name: 'gateway', entry: moduleOf('gateway', 'main'), portVariable: 'PORT', healthPath: '/readiness' },
];

/**
 * The base URL of every subgraph service (no path), for the signed internal calls between services:
 * DEALERS_SERVICE_URL … ORDERS_SERVICE_URL.
 */
export function serviceUrls(host: string, ports: Record<(typeof SUBGRAPH_SERVICES)[number], number>): Record<string, string> {
  return Object.fromEntries(SUBGRAPH_SERVICES.map((name) => [`${name.toUpperCase()}_SERVICE_URL`, `http://${host}:${ports[name]}`]));
}

/**
 * The demo's ERP (npm start in demo mode): the simulator as its own process, which registers itself
 * through the gateway as ADMIN (an API client and a webhook endpoint), then acknowledges, ships and
 * invoices the orders it receives (docs/ERP.md).
 */
export const ERP_SIMULATOR: ServiceSpec = {
  name: 'erp-simulator',
  entry: moduleOf('subgraphs/integration', 'simulator/erp-simulator.main'),
  portVariable: 'ERP_SIMULATOR_PORT',
  healthPath: '/health',
};
