/**
 * The baseline of bench/catalog.bench.ts: the priced catalog page served the straightforward way.
 * One Node process, one in-process graphql-js schema, four batched SQL statements per page against the
 * same database (the page with brands, the stock rows, the product prices, the dealer's price list),
 * the same pricing and stock rules (the subgraphs' own pure functions), and the ES256 access token
 * verified on each request. No cache of any kind.
 *
 * Env: DATABASE_URL, PORT, JWT_PUBLIC_KEY. Prints "monolith ready on <url>".
 */
import { createServer } from 'node:http';

import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  decodeCursor,
  decodeKeyCursor,
  encodeCursor,
  encodeKeyCursor,
  formatAmount,
} from '@dealergraph/runtime';
import { buildSchema, execute, type GraphQLSchema, parse, validate } from 'graphql';
import { importSPKI, jwtVerify } from 'jose';
import pg from 'pg';

import { computePrice, type PromotionInput, type VolumeBreakInput } from '../../subgraphs/prices/src/domain/pricing.js';
import { type StockLevelRow, summarizeStock } from '../../subgraphs/products/src/domain/stock.js';

const SDL = `
  type Query { products(first: Int = 20, after: String): ProductConnection! }
  type ProductConnection { nodes: [Product!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Product { id: ID! sku: String! name: String! brand: String! stock: Stock! price(quantity: Int! = 1): Price }
  type Stock { status: StockStatus! available: Int! }
  enum StockStatus { IN_STOCK LOW OUT }
  type Price { unitPrice: Money! listPrice: Money! appliedRules: [PriceRule!]! }
  enum PriceRule { TIER SPECIAL_PRICE VOLUME_BREAK PROMOTION }
  type Money { amount: String! currency: String! }
`;

interface Row {
  id: string;
  sku: string;
  name: string;
  brand: string;
}
interface PriceRow {
  product_id: string;
  list_price: string;
  currency: string;
  promotions: PromotionInput[] | null;
  special: string | null;
}
interface DealerRow {
  tier_discount_bp: number | null;
  volume_breaks: { minQuantity: number; maxQuantity: number | null; discountBp: number }[];
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
const publicKey = await importSPKI(process.env.JWT_PUBLIC_KEY!, ACCESS_TOKEN_ALGORITHM);

/** All the data of one page, read in four statements; resolvers below only compute. */
async function loadPage(dealerId: string, first: number, after: string | undefined) {
  // Offset cursors ("o:<n>") too, to measure the graph as it was before keyset cursors.
  const offset = after && Buffer.from(after, 'base64url').toString().startsWith('o:') ? decodeCursor(after) + 1 : null;
  const afterSku = after === undefined || offset !== null ? null : decodeKeyCursor(after);
  const page = await pool.query<Row>(
    `select p.id, p.sku, p.name, b.name as brand from products.product p join products.brand b on b.id = p.brand_id
      where p.active and ($1::text is null or p.sku > $1) order by p.sku limit $2 offset $3`,
    [afterSku, first + 1, offset ?? 0],
  );
  const rows = page.rows.slice(0, first);
  const ids = rows.map((r) => r.id);
  const now = new Date();
  const [stock, prices, dealer] = await Promise.all([
    pool.query<StockLevelRow & { product_id: string }>(
      `select s.product_id, w.id as "warehouseId", s.on_hand as "onHand", s.reserved, s.low_threshold as "lowThreshold"
         from products.stock_level s join products.warehouse w on w.id = s.warehouse_id where s.product_id = any($1) order by w.code`,
      [ids],
    ),
    pool.query<PriceRow>(
      `select pp.product_id, pp.list_price, pp.currency,
         (select json_agg(json_build_object('name', m.name, 'discountBp', m.discount_bp)) from prices.promotion m
           where m.product_id = pp.product_id and m.valid_from <= $3 and m.valid_to > $3) as promotions,
         (select min(s.unit_price) from prices.special_price s where s.dealer_id = $2 and s.product_id = pp.product_id
           and s.valid_from <= $3 and (s.valid_to is null or s.valid_to > $3)) as special
       from prices.product_price pp where pp.product_id = any($1)`,
      [ids, dealerId, now],
    ),
    pool.query<DealerRow>(
      `select (select t.discount_bp from prices.dealer_pricing d join prices.tier_rule t on t.tier = d.tier where d.dealer_id = $1) as tier_discount_bp,
         (select coalesce(json_agg(json_build_object('minQuantity', v.min_quantity, 'maxQuantity', v.max_quantity, 'discountBp', v.discount_bp) order by v.min_quantity), '[]') from prices.volume_break v) as volume_breaks`,
      [dealerId],
    ),
  ]);
  const stockOf = new Map<string, StockLevelRow[]>();
  for (const s of stock.rows) {
    const list = stockOf.get(s.product_id) ?? [];
    list.push(s);
    stockOf.set(s.product_id, list);
  }
  const priceOf = new Map(prices.rows.map((p) => [p.product_id, p]));
  const priceList = dealer.rows[0];
  return {
    nodes: rows.map((r) => ({ ...r, levels: stockOf.get(r.id) ?? [], priceRow: priceOf.get(r.id), priceList })),
    pageInfo: {
      hasNextPage: page.rows.length > first,
      endCursor: !rows.length ? null : offset !== null ? encodeCursor(offset + rows.length - 1) : encodeKeyCursor(rows.at(-1)!.sku),
    },
  };
}

type Node = Awaited<ReturnType<typeof loadPage>>['nodes'][number];
const money = (minor: number, currency: string) => ({ amount: formatAmount(minor), currency });

const schema: GraphQLSchema = buildSchema(SDL);
const resolvers = {
  products: (args: { first: number; after?: string }, ctx: { dealerId: string }) => loadPage(ctx.dealerId, args.first, args.after),
};
const productType = schema.getType('Product') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
productType.getFields().stock.resolve = (node: Node) => summarizeStock({ levels: node.levels });
productType.getFields().price.resolve = (node: Node, args: { quantity: number }) => {
  const { priceRow, priceList } = node;
  if (!priceRow || priceList.tier_discount_bp === null) return null;
  const price = computePrice({
    listPrice: Number(priceRow.list_price),
    currency: priceRow.currency,
    tierDiscountBp: priceList.tier_discount_bp,
    specialPrice: priceRow.special === null ? null : Number(priceRow.special),
    volumeBreaks: priceList.volume_breaks as VolumeBreakInput[],
    promotions: priceRow.promotions ?? [],
    quantity: args.quantity,
  });
  return {
    unitPrice: money(price.unitPrice, price.currency),
    listPrice: money(price.listPrice, price.currency),
    appliedRules: price.appliedRules,
  };
};

async function handle(body: string, authorization: string | undefined): Promise<{ status: number; payload: unknown }> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (!token) return { status: 401, payload: { errors: [{ message: 'sign in first' }] } };
  const { payload } = await jwtVerify(token, publicKey, {
    algorithms: [ACCESS_TOKEN_ALGORITHM],
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
  });
  const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) return { status: 400, payload: { errors } };
  const result = await execute({
    schema,
    document,
    rootValue: resolvers,
    contextValue: { dealerId: payload.dealerId },
    variableValues: variables,
  });
  return { status: 200, payload: result };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    handle(Buffer.concat(chunks).toString(), request.headers.authorization)
      .catch((error: Error) => ({ status: 500, payload: { errors: [{ message: error.message }] } }))
      .then(({ status, payload }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`monolith ready on http://127.0.0.1:${address.port}/graphql`);
});
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
