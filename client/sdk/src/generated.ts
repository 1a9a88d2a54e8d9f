// The session operations the client itself runs, by name (typed documents of client/generated).
import { RefreshSessionDocument, SignInDocument, SignOutDocument } from '../../generated/graphql.js';
import type { PersistedDocument } from './operations.js';

export const generated: Record<string, PersistedDocument> = {
  SignIn: SignInDocument as PersistedDocument,
  RefreshSession: RefreshSessionDocument as PersistedDocument,
  SignOut: SignOutDocument as PersistedDocument,
};
