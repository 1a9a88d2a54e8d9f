import { Faker, en } from '@faker-js/faker';

/**
 * Each part of the data set draws from its own seeded stream, so that changing how (say) the order
 * history is drawn does not reshuffle the catalog's ids, which other subgraphs may already hold.
 */
export const STREAMS = {
  dealers: 1,
  catalog: 2,
  stock: 3,
  pricing: 4,
  orders: 5,
  ledger: 6,
} as const;

/** A dedicated faker instance seeded with `[seed, stream]`; never the shared global one. */
export function createFaker(seed: number, stream: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed([seed, stream]);
  return faker;
}

/** Integer in [min, max], both inclusive. */
export function int(faker: Faker, min: number, max: number): number {
  return faker.number.int({ min, max });
}

/** True with the given probability. */
export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float() < probability;
}

const weightTables = new WeakMap<object, { keys: string[]; cumulative: number[] }>();

/** Picks a key of `weights` with probability proportional to its weight. */
export function pickWeighted<K extends string>(faker: Faker, weights: Readonly<Record<K, number>>): K {
  // The weight tables are module constants, drawn from tens of thousands of times: sum them once.
  let table = weightTables.get(weights);
  if (!table) {
    const keys = Object.keys(weights);
    let sum = 0;
    const cumulative = keys.map((key) => (sum += (weights as Record<string, number>)[key]));
    table = { keys, cumulative };
    weightTables.set(weights, table);
  }
  const roll = faker.number.float() * table.cumulative[table.cumulative.length - 1];
  const index = table.cumulative.findIndex((edge) => roll < edge);
  return table.keys[index === -1 ? table.keys.length - 1 : index] as K;
}

/** Uniform pick from a non-empty array. */
export function pick<T>(faker: Faker, items: readonly T[]): T {
  return items[faker.number.int({ min: 0, max: items.length - 1 })]!;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

/**
 * A version-4 UUID drawn from the seeded stream. Same format and determinism as
 * `faker.string.uuid()`, but four draws instead of thirty-one: the data set needs ~75,000 ids and
 * faker's version alone took more than half of the generation time.
 */
export function uuid(faker: Faker): string {
  const a = faker.number.int(0xffff_ffff);
  const b = ((faker.number.int(0xffff_ffff) & 0xffff_0fff) | 0x0000_4000) >>> 0;
  const c = ((faker.number.int(0xffff_ffff) & 0x3fff_ffff) | 0x8000_0000) >>> 0;
  const d = faker.number.int(0xffff_ffff);
  const hb = hex32(b);
  const hc = hex32(c);
  return `${hex32(a)}-${hb.slice(0, 4)}-${hb.slice(4)}-${hc.slice(0, 4)}-${hc.slice(4)}${hex32(d)}`;
}
