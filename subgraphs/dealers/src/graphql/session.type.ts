import { UserError } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Session', { description: 'A signed-in session of the current user: one device or app.' })
export class SessionType {
  @Field(() => ID, { description: 'Session id (the sid claim of its access tokens).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The device or app, as its user agent named itself at sign-in.' })
  device!: string | null;

  @Field(() => String, { nullable: true, description: 'The client address at sign-in.' })
  ipAddress!: string | null;

  @Field(() => Date, { description: 'When the session was opened (signed in).' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the session was last used (to the minute).' })
  lastSeenAt!: Date | null;

  @Field({ description: 'True for the session of the token that asks.' })
  current!: boolean;
}

@ObjectType({ description: 'The result of ending sessions.' })
export class RevokeSessionsPayload {
  @Field(() => Int, { description: 'How many sessions were ended.' })
  revokedCount!: number;

  @Field(() => [UserError], { description: 'NOT_FOUND when the session is not one of yours or has ended already.' })
  userErrors!: UserError[];
}
