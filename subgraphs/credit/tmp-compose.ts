import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
const subs = [];
for (const name of ['dealers', 'products', 'prices', 'credit', 'orders']) {
  try {
    const mod = await import(`@dealergraph/${name}`);
    const { sdl } = await mod.toolingDefinition.buildSchema();
    subs.push({ name, url: `http://x/${name}`, typeDefs: parse(sdl) });
  } catch (e) { console.log('skip', name, (e as Error).message.slice(0, 200)); }
}
const r = composeServices(subs);
console.log('composed', subs.map(s => s.name).join(','), r.errors ? r.errors.map(e => e.message) : 'OK');
if (!r.errors) for (const h of r.hints) console.log('HINT', h.definition.code, h.message);
