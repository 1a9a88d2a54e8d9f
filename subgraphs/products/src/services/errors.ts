import { GraphQLError } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the shape of the ids this subgraph issues; anything else cannot name a row. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The caller's input cannot be used: an expected outcome with a code, not our failure. */
export function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}
