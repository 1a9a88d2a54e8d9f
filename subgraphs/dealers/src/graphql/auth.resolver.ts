import { type Result } from '@dealergraph/runtime';
import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as auth from '../services/auth.service.js';
import { LoginArgs, LoginPayload, LogoutPayload } from './auth.types.js';
import { toUserType } from './mappers.js';

function toPayload(result: Result<auth.SignedIn>): LoginPayload {
  if (!result.ok) {
    return {
      accessToken: null,
      refreshToken: null,
      expiresIn: null,
      user: null,
      userErrors: result.errors,
    };
  }
  const { accessToken, refreshToken, expiresIn, user, mfaEnrolmentOnly } = result.value;
  // The restricted token comes with the error: a client that stops at userErrors never uses it.
  const userErrors = mfaEnrolmentOnly
    ? [
        {
          code: 'MFA_ENROLMENT_REQUIRED',
          message:
            'Two-factor sign-in is required for this account. This accessToken may only enrol: call beginMfaEnrolment, then confirmMfaEnrolment, which returns full tokens.',
        },
      ]
    : [];
  return { accessToken, refreshToken, expiresIn, user: toUserType(user) as never, userErrors };
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description: 'Signs in with email and password (and a one-time code when MFA is on). Open to anonymous callers.',
  })
  async login(@Args() args: LoginArgs, @Ctx() ctx: DealersContext): Promise<LoginPayload> {
    return toPayload(await auth.login(ctx, args));
  }

  @Mutation(() => LoginPayload, { description: 'Trades a refresh token for new tokens. Each refresh token works once.' })
  async refreshSession(
    @Arg('refreshToken', { description: 'The refresh token from login or the last refresh.' }) refreshToken: string,
    @Ctx() ctx: DealersContext,
  ): Promise<LoginPayload> {
    return toPayload(await auth.refresh(ctx, refreshToken));
  }

  @Mutation(() => LogoutPayload, { description: 'Ends the session that the refresh token belongs to.' })
  async logout(
    @Arg('refreshToken', { description: 'The current refresh token of the session.' }) refreshToken: string,
    @Ctx() ctx: DealersContext,
  ): Promise<LogoutPayload> {
    await auth.logout(ctx, refreshToken);
    return { loggedOut: true, userErrors: [] };
  }
}
