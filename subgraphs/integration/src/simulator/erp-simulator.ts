import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { Webhook } from 'standardwebhooks';

/**
 * A stand-in for the distributor's ERP, for demos and tests. It receives the webhooks (checks each
 * signature, de-duplicates by `webhook-id`), and, given an API client, answers like an ERP through
 * the gateway: acknowledges each approved order (its own order number, confirmed dates), later
 * ships it (carrier, tracking number) and invoices it. It can be told to fail: refuse every
 * delivery (down), answer 5xx, never answer (timeouts), answer slowly, and send its own answers
 * twice or out of order.
 */

export interface SimulatorFaults {
  /** Refuse every delivery: the connection is closed without an answer (the ERP is down). */
  down: boolean;
  /** Share of deliveries answered with `errorStatus` (0-1). */
  errorRate: number;
  errorStatus: number;
  /** Share of deliveries never answered (the sender times out) (0-1). */
  timeoutRate: number;
  /** Every answer waits this long first. */
  delayMs: number;
  /** Every API call of the ERP's own answers is sent twice. */
  duplicateAnswers: boolean;
  /** The ERP ships before it acknowledges (the API refuses; the simulator tries again later). */
  outOfOrder: boolean;
}

export const NO_FAULTS: SimulatorFaults = {
  down: false,
  errorRate: 0,
  errorStatus: 503,
  timeoutRate: 0,
  delayMs: 0,
  duplicateAnswers: false,
  outOfOrder: false,
};

/** One delivery as the simulator took it. */
export interface ReceivedEvent {
  webhookId: string;
  type: string;
  orderId: string | null;
  orderNumber: string | null;
  status: string | null;
  receivedAt: number;
  /** When the event happened (the body's timestamp). */
  timestamp: string;
  /** The body's `data` as sent. */
  data: Record<string, unknown>;
}

export interface ErpSimulatorOptions {
  port?: number;
  host?: string;
  /** The endpoint's signing secret (`whsec_…`); deliveries are refused with 401 until it is set. */
  secret?: string;
  /** The gateway's GraphQL URL and an API client with ERP_IMPORT: without them the simulator only receives. */
  api?: { graphqlUrl: string; clientId: string; clientSecret: string };
  /** How long after an approved order arrives the ERP acknowledges, ships and invoices it (ms). */
  pace?: { acknowledgeMs: number; shipMs: number; invoiceMs: number };
  faults?: Partial<SimulatorFaults>;
  log?: (line: string) => void;
}

export interface ErpSimulator {
  url: string;
  port: number;
  /** Every accepted delivery, duplicates included, in arrival order. */
  received: ReceivedEvent[];
  /** Accepted deliveries by webhook-id, each once. */
  unique: Map<string, ReceivedEvent>;
  /** Deliveries with a bad or stale signature. */
  rejected: number;
  /** What the ERP has done through the API, per order id. */
  progress: Map<string, { erpOrderNumber?: string; acknowledged?: boolean; shipped?: boolean; invoiced?: boolean; errors: string[] }>;
  faults: SimulatorFaults;
  setSecret(secret: string): void;
  /** Gives it an API client to answer with (orders already received are not answered). */
  setApi(api: NonNullable<ErpSimulatorOptions['api']>): void;
  setFaults(faults: Partial<SimulatorFaults>): void;
  /** Resolves when every queued API answer has been sent. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const ACKNOWLEDGE =
  'mutation($input: AcknowledgeOrderInput!) { acknowledgeOrder(input: $input) { order { id status erpOrderNumber } userErrors { code message } } }';
const FULFIL =
  'mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) { order { id status } userErrors { code message } } }';
const INVOICE =
  'mutation($input: RecordInvoiceInput!) { recordInvoice(input: $input) { invoice { id number } duplicate userErrors { code message } } }';

interface OrderData {
  id: string;
  number: string;
  status: string;
  currency: string;
  total: string;
  dealer: { id: string; code: string | null };
  lines: { sku: string; name: string; quantity: number; unitPrice: string; lineTotal: string }[];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A client-credentials token for the API, renewed a minute before it ends. */
function apiCaller(api: NonNullable<ErpSimulatorOptions['api']>) {
  let token: { value: string; until: number } | null = null;
  const tokenUrl = new URL('/oauth/token', api.graphqlUrl).toString();
  const fresh = async () => {
    if (token && token.until > Date.now() + 60_000) return token.value;
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(api.clientId)}:${encodeURIComponent(api.clientSecret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!body.access_token) throw new Error(`token refused: ${body.error ?? response.status}`);
    token = { value: body.access_token, until: Date.now() + (body.expires_in ?? 300) * 1000 };
    return token.value;
  };
  return async (
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, { userErrors?: { code: string; message: string }[] }>> => {
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fresh()}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Record<string, { userErrors?: { code: string; message: string }[] }>;
      errors?: { message: string }[];
    };
    if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
    return body.data;
  };
}

export async function startErpSimulator(options: ErpSimulatorOptions = {}): Promise<ErpSimulator> {
  const log = options.log ?? (() => {});
  const faults: SimulatorFaults = { ...NO_FAULTS, ...options.faults };
  let verifier = options.secret ? new Webhook(options.secret) : null;
  const received: ReceivedEvent[] = [];
  const unique = new Map<string, ReceivedEvent>();
  const progress: ErpSimulator['progress'] = new Map();
  const pace = options.pace ?? { acknowledgeMs: 2000, shipMs: 5000, invoiceMs: 8000 };
  let caller = options.api ? apiCaller(options.api) : null;
  const timers = new Set<NodeJS.Timeout>();
  const pending = new Set<Promise<void>>();
  const sockets = new Set<Socket>();
  let rejected = 0;
  let stopped = false;

  /** Runs one API answer, again after a while when it fails (the ERP retries too). */
  const answer = (orderId: string, step: string, afterMs: number, run: () => Promise<string | null>, tries = 10) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      const work = (async () => {
        const state = progress.get(orderId)!;
        try {
          const times = faults.duplicateAnswers ? 2 : 1;
          let refusal: string | null = null;
          for (let i = 0; i < times; i++) refusal = await run();
          if (refusal && tries > 1) {
            log(`${step} ${orderId}: ${refusal}; again in 2 s`);
            answer(orderId, step, 2000, run, tries - 1);
          } else if (refusal) state.errors.push(`${step}: ${refusal}`);
        } catch (error) {
          if (tries > 1) answer(orderId, step, 2000, run, tries - 1);
          else state.errors.push(`${step}: ${(error as Error).message}`);
        }
      })();
      pending.add(work);
      void work.finally(() => pending.delete(work));
    }, afterMs);
    timers.add(timer);
  };

  const processOrder = (order: OrderData) => {
    const call = caller;
    if (!call || progress.has(order.id)) return;
    const state: ErpSimulator['progress'] extends Map<string, infer S> ? S : never = { errors: [] };
    progress.set(order.id, state);
    const erpOrderNumber = `ERP-${order.number}`;
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const refusal = (payload: { userErrors?: { code: string; message: string }[] } | undefined) =>
      payload?.userErrors?.length ? payload.userErrors.map((e) => e.code).join(',') : null;
    const acknowledge = async () => {
      const data = await call(ACKNOWLEDGE, {
        input: { orderId: order.id, erpOrderNumber, confirmedShipDate: day(1), confirmedDeliveryDate: day(3) },
      });
      const no = refusal(data.acknowledgeOrder);
      if (!no) {
        state.acknowledged = true;
        state.erpOrderNumber = erpOrderNumber;
        log(`acknowledged ${order.number} as ${erpOrderNumber}`);
      }
      return no;
    };
    const ship = async () => {
      if (!state.acknowledged && !faults.outOfOrder) return 'NOT_ACKNOWLEDGED_YET';
      const data = await call(FULFIL, {
        input: {
          orderId: order.id,
          status: 'SHIPPED',
          carrier: 'DHL',
          trackingNumber: `JD${order.number.replace(/\D/g, '').padStart(10, '0')}`,
        },
      });
      const no = refusal(data.updateOrderFulfillment);
      if (!no) {
        state.shipped = true;
        log(`shipped ${order.number}`);
      }
      return no;
    };
    const invoice = async () => {
      if (!state.shipped) return 'NOT_SHIPPED_YET';
      const data = await call(INVOICE, {
        input: {
          externalReference: `INV-${order.number}`,
          dealerId: order.dealer.id,
          number: `INV-${order.number}`,
          orderId: order.id,
          currency: order.currency,
          amount: order.total,
          issuedAt: new Date().toISOString(),
          lines: order.lines.map((l) => ({
            sku: l.sku,
            name: l.name,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            lineTotal: l.lineTotal,
          })),
        },
      });
      const no = refusal(data.recordInvoice);
      if (!no) {
        state.invoiced = true;
        log(`invoiced ${order.number}`);
      }
      return no;
    };
    if (faults.outOfOrder) {
      answer(order.id, 'ship', pace.acknowledgeMs / 2, ship);
      answer(order.id, 'acknowledge', pace.acknowledgeMs, acknowledge);
    } else {
      answer(order.id, 'acknowledge', pace.acknowledgeMs, acknowledge);
      answer(order.id, 'ship', pace.shipMs, ship);
    }
    answer(order.id, 'invoice', pace.invoiceMs, invoice);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: received.length, unique: unique.size, rejected }));
      return;
    }
    if (faults.down) {
      request.socket.destroy();
      return;
    }
    const body = await readBody(request);
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (Math.random() < faults.timeoutRate) return; // never answered: the sender's timeout ends it
    if (Math.random() < faults.errorRate) {
      response.writeHead(faults.errorStatus, { 'content-type': 'text/plain' });
      response.end('simulated ERP failure');
      return;
    }
    let payload: { type: string; timestamp: string; data: { order?: OrderData } };
    try {
      if (!verifier) throw new Error('no secret yet');
      payload = verifier.verify(body, {
        'webhook-id': String(request.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
      }) as typeof payload;
    } catch (error) {
      rejected++;
      response.writeHead(401, { 'content-type': 'text/plain' });
      response.end(`signature refused: ${(error as Error).message}`);
      return;
    }
    const webhookId = String(request.headers['webhook-id']);
    const order = payload.data.order;
    const event: ReceivedEvent = {
      webhookId,
      type: payload.type,
      orderId: order?.id ?? null,
      orderNumber: order?.number ?? null,
      status: order?.status ?? null,
      receivedAt: Date.now(),
      timestamp: payload.timestamp,
      data: payload.data,
    };
    received.push(event);
    const duplicate = unique.has(webhookId);
    if (!duplicate) {
      unique.set(webhookId, event);
      log(`received ${payload.type} ${order?.number ?? ''} (${webhookId})`);
      if (payload.type === 'order.approved' && order) processOrder(order);
    }
    response.writeHead(duplicate ? 200 : 204);
    response.end();
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/webhooks`,
    port,
    received,
    unique,
    get rejected() {
      return rejected;
    },
    progress,
    faults,
    setSecret: (secret) => {
      verifier = new Webhook(secret);
    },
    setFaults: (next) => Object.assign(faults, next),
    setApi: (api) => {
      caller = apiCaller(api);
    },
    idle: async () => {
      while (timers.size > 0 || pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...pending]);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
