/**
 * Start-up failures the operator can fix, told in one sentence each instead of a stack trace: the
 * database cannot be reached, refuses the credentials, or does not exist. Reads the error's code
 * (Node's socket codes, PostgreSQL's SQLSTATE) anywhere in its chain of causes.
 */
const DATABASE_PROBLEMS: Record<string, (where: string) => string> = {
  ECONNREFUSED: (where) => `Nothing accepts connections at ${where}: start PostgreSQL there or correct DATABASE_URL.`,
  ENOTFOUND: (where) => `The database host of ${where} is unknown: correct DATABASE_URL.`,
  EAI_AGAIN: (where) => `The database host of ${where} cannot be resolved now: check DNS or DATABASE_URL.`,
  ETIMEDOUT: (where) => `${where} does not answer: check the network, a firewall, or DATABASE_URL.`,
  '28P01': (where) => `PostgreSQL at ${where} refused the user name or password in DATABASE_URL.`,
  '28000': (where) => `PostgreSQL at ${where} refused the connection for this user (pg_hba.conf or role): check DATABASE_URL.`,
  '3D000': (where) => `The database named in DATABASE_URL does not exist on ${where}: create it (createdb) or correct the name.`,
  '42501': (where) => `The DATABASE_URL user may not create the subgraphs' schemas on ${where}: grant it CREATE on the database.`,
};

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** Host and port of a connection string, never its password. */
export function databaseLocation(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'the DATABASE_URL address';
  }
}

/** The sentence for a database failure the operator can fix, or null for anything else (a bug). */
export function explainDatabaseError(error: unknown, databaseUrl: string): string | null {
  const code = codesOf(error).find((c) => c in DATABASE_PROBLEMS);
  return code ? DATABASE_PROBLEMS[code]!(databaseLocation(databaseUrl)) : null;
}
