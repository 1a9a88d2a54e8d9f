import { UserError } from '@dealergraph/runtime';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';

import { UserType } from './user.type.js';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'Sign-in email (any case).' })
  email!: string;

  @Field({ description: 'Password.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Six-digit code from the authenticator app, for accounts with MFA.' })
  otp?: string | null;
}

@ObjectType({ description: 'The result of signing in or refreshing a session.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Short-lived JWT; send as "Authorization: Bearer <token>".' })
  accessToken!: string | null;

  @Field(() => String, { nullable: true, description: 'Single-use token that buys the next access token with refreshSession.' })
  refreshToken!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seconds until the access token expires.' })
  expiresIn!: number | null;

  @Field(() => UserType, { nullable: true, description: 'The signed-in user.' })
  user!: UserType | null;

  @Field(() => [UserError], {
    description:
      'Why signing in did not work: INVALID_CREDENTIALS, MFA_REQUIRED, ACCOUNT_LOCKED, IP_NOT_ALLOWED, INVALID_REFRESH_TOKEN, SESSION_EXPIRED. MFA_ENROLMENT_REQUIRED comes with an accessToken that may only enrol in two-factor sign-in (no refreshToken).',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of logging out.' })
export class LogoutPayload {
  @Field({ description: 'True once the session is closed (also when it already was).' })
  loggedOut!: boolean;

  @Field(() => [UserError], { description: 'Always empty today; here for future rules.' })
  userErrors!: UserError[];
}
