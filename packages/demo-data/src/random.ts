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

/** Picks a key of `weights` with probability proportional to its weight. */
export function pickWeighted<K extends string>(faker: Faker, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = faker.number.float() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** Uniform pick from a non-empty array. */
export function pick<T>(faker: Faker, items: readonly T[]): T {
  return items[faker.number.int({ min: 0, max: items.length - 1 })]!;
}
