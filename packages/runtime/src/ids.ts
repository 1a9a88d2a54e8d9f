/**
 * Ids of the platform are uuids. Anything else cannot name a row, and must not reach a PostgreSQL
 * `uuid` column: there it would fail the whole statement (and every other key of its DataLoader batch)
 * instead of matching nothing.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the canonical text form of a uuid (any case, no surrounding spaces). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The id as PostgreSQL prints it (trimmed, lower case), or null when it is not a uuid. Look rows up by
 * this value so that DataLoader keys equal the ids the rows come back with.
 */
export function normalizeId(value: string): string | null {
  const trimmed = value.trim();
  return isUuid(trimmed) ? trimmed.toLowerCase() : null;
}
