// TEMPORARY (delete before finishing)
import pg from 'pg';
import { generateDemoData } from '@dealergraph/demo-data';
import { migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { ordersSubgraph } from './src/index.js';

const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const def = ordersSubgraph();
const data = generateDemoData({ anchor: new Date('2026-11-01T00:00:00Z') });
for (let round = 0; round < Number(process.argv[2] ?? 2); round++) {
  await admin.query('drop database if exists dg_orders_scratch');
  await admin.query('create database dg_orders_scratch');
  const orm = await openSubgraphOrm(def, { databaseUrl: 'postgres://postgres@127.0.0.1:5432/dg_orders_scratch', poolSize: 4 });
  orm.config.getLogger().setDebugMode(false);
  await migrate(orm);
  const t = Date.now();
  await def.seed!(orm.em.fork(), data, (m) => console.log(m));
  console.log('seed total', Date.now() - t, 'ms');
  await orm.close(true);
}
await admin.query('drop database if exists dg_orders_scratch');
await admin.end();
