import { GraphQLError } from 'graphql';

/** The caller's input cannot be used: an expected outcome with a code, not our failure. */
export function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}
