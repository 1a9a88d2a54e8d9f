import argon2 from 'argon2';

/** argon2id's cost: memory in KiB, passes, lanes. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** The cost every real deployment uses (argon2's own defaults: 64 MiB, 3 passes, 4 lanes). */
export const PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

/** Hashes and checks passwords; a hash carries its own cost, so a check follows whatever made it. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** A real hash to check against when the email is unknown, so timing does not tell which accounts exist. */
  unknownUserHash(): Promise<string>;
}

export function passwordHasher(cost: PasswordHashCost = PASSWORD_HASH_COST): PasswordHasher {
  const hash = (password: string) => argon2.hash(password, { type: argon2.argon2id, ...cost });
  // Made up front, so that the first unknown email is not answered slower than the others.
  const unknown = hash('dealergraph-unknown-user-placeholder');
  return {
    hash,
    verify: (digest, password) => argon2.verify(digest, password),
    unknownUserHash: () => unknown,
  };
}
