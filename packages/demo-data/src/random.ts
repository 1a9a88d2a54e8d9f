import { en, Faker, generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

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
  details: 7,
  policyDealers: 8,
} as const;

/**
 * A dedicated faker instance seeded with `[seed, stream]`, never the shared global one. It keeps a
 * handle on its randomizer so that the helpers below, called hundreds of thousands of times, draw
 * from the same seeded stream without the option objects `faker.number.*` allocates on every call.
 */
export class SeededFaker extends Faker {
  readonly rng: Randomizer;

  constructor(seed: number, stream: number) {
    const rng = generateMersenne53Randomizer();
    super({ locale: [en], randomizer: rng });
    this.rng = rng;
    this.seed([seed, stream]);
  }
}

/** Uniform float in [0, 1). */
export function float(faker: SeededFaker): number {
  return faker.rng.next();
}

/** Integer in [min, max], both inclusive. */
export function int(faker: SeededFaker, min: number, max: number): number {
  return min + Math.floor(faker.rng.next() * (max - min + 1));
}

/** True with the given probability. */
export function chance(faker: SeededFaker, probability: number): boolean {
  return faker.rng.next() < probability;
}

const weightTables = new WeakMap<object, { keys: string[]; cumulative: number[] }>();

/** Picks a key of `weights` with probability proportional to its weight. */
export function pickWeighted<K extends string>(faker: SeededFaker, weights: Readonly<Record<K, number>>): K {
  // The weight tables are module constants, drawn from tens of thousands of times: sum them once.
  let table = weightTables.get(weights);
  if (!table) {
    const keys = Object.keys(weights);
    let sum = 0;
    const cumulative = keys.map((key) => (sum += (weights as Record<string, number>)[key]));
    table = { keys, cumulative };
    weightTables.set(weights, table);
  }
  const roll = faker.rng.next() * table.cumulative[table.cumulative.length - 1];
  const index = table.cumulative.findIndex((edge) => roll < edge);
  return table.keys[index === -1 ? table.keys.length - 1 : index] as K;
}

/** Uniform pick from a non-empty array. */
export function pick<T>(faker: SeededFaker, items: readonly T[]): T {
  return items[Math.floor(faker.rng.next() * items.length)];
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
export function uuid(faker: SeededFaker): string {
  const word = () => Math.floor(faker.rng.next() * 0x1_0000_0000) >>> 0;
  const a = word();
  const b = ((word() & 0xffff_0fff) | 0x0000_4000) >>> 0;
  const c = ((word() & 0x3fff_ffff) | 0x8000_0000) >>> 0;
  const d = word();
  const hb = hex32(b);
  const hc = hex32(c);
  // join() yields one flat string; a template literal leaves a rope of ~10 nodes per id, which
  // made 75,000 ids cost 30 MB of heap instead of 5 and the garbage collector most of the run.
  return [hex32(a), hb.slice(0, 4), hb.slice(4), hc.slice(0, 4), hc.slice(4) + hex32(d)].join('-');
}
