/**
 * A 100,000-row price list import through the real gateway (issue 14's performance item): the demo
 * data plus 100,000 products (inserted with SQL: the products are not what is measured), then a
 * PRICE_LIST file of one row each, imported for real, again (every row UNCHANGED), and as a dry run.
 * Prints the time from startImport to SUCCEEDED, rows per second, and the peak resident memory of the
 * process (the whole graph runs in it) above what it held before the import.
 *
 *   node --import @swc-node/register/esm-register bench/import.bench.ts      # DATABASE_URL optional; BENCH_ROWS=100000
 */
import { GraphQLClient } from '@dealergraph/testing';
import pg from 'pg';

import { benchServer, demoDatabase, seededStack } from './kit.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const START = 'mutation($input: StartImportInput!) { startImport(input: $input) { job { id } userErrors { code message } } }';
const JOB = 'query($id: ID!) { importJob(id: $id) { status message counts { created updated unchanged failed } } }';

async function main() {
  const server = await benchServer();
  const { url, seeded } = await demoDatabase(server, `dg_bench_import_${Date.now()}`);
  const { stack } = await seededStack(url, {
    seed: !seeded,
    // A 100,000-row file is about 3 MB of CSV, 4 MB once base64-encoded.
    gatewaySecurity: { maxBodyBytes: 32 * 1024 * 1024 },
    poolSize: 4,
    ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0, integration: 0 },
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    console.log(`inserting ${ROWS} products…`);
    await db.query(
      `insert into products.product (id, sku, name, description, brand_id, category_id, unit, pack_size)
       select gen_random_uuid(), 'BENCH-' || lpad(g::text, 6, '0'), 'Bench part ' || g, '',
              (select id from products.brand order by name limit 1), (select id from products.category where parent_id is not null order by slug limit 1), 'EA', 1
         from generate_series(1, $1::int) g`,
      [ROWS],
    );
    const admin = new GraphQLClient(stack.gatewayUrl);
    await admin.login('admin@demo.staff', 'demo-pass-2026');
    const lines = ['sku,list_price,currency'];
    for (let i = 1; i <= ROWS; i++) lines.push(`BENCH-${String(i).padStart(6, '0')},${(10 + (i % 9000) / 7).toFixed(2)},USD`);
    const content = Buffer.from(lines.join('\n'));
    console.log(`file: ${ROWS} rows, ${(content.length / 1024 / 1024).toFixed(1)} MB of CSV`);

    const run = async (label: string, dryRun: boolean) => {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const started = performance.now();
      const { startImport } = await admin.data(START, {
        input: { kind: 'PRICE_LIST', filename: 'bench.csv', contentBase64: content.toString('base64'), dryRun },
      });
      if (startImport.userErrors.length) throw new Error(JSON.stringify(startImport.userErrors));
      let job: { status: string; message: string; counts: Record<string, number> };
      for (;;) {
        job = (await admin.data(JOB, { id: startImport.job.id })).importJob;
        if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      console.log(
        `${label.padEnd(26)} ${job.status} in ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds)} rows/s, ` +
          `peak RSS +${Math.round((peak - rssBefore) / 1024 / 1024)} MB (of ${Math.round(peak / 1024 / 1024)} MB); ${JSON.stringify(job.counts)}`,
      );
    };
    await run('import (all new prices)', false);
    await run('same file again', false);
    await run('same file, dry run', true);
  } finally {
    await db.end();
    await stack.stop();
    await server.stop();
  }
}

await main();
