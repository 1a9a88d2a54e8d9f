import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as mfa from '../services/mfa.service.js';
import { BeginMfaEnrolmentPayload, ConfirmMfaEnrolmentPayload } from './mfa.type.js';

@Resolver()
export class MfaResolver {
  @Authorized()
  @Mutation(() => BeginMfaEnrolmentPayload, {
    description: 'Starts two-factor enrolment for the signed-in user: a new secret as a URI and a QR code.',
  })
  async beginMfaEnrolment(@Ctx() ctx: DealersContext): Promise<BeginMfaEnrolmentPayload> {
    const result = await mfa.beginEnrolment(ctx);
    if (!result.ok) return { secret: null, otpauthUri: null, qrCodeSvg: null, userErrors: result.errors };
    return { ...result.value, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => ConfirmMfaEnrolmentPayload, {
    description: 'Turns two-factor sign-in on with a code from the new secret, and returns the recovery codes once.',
  })
  async confirmMfaEnrolment(
    @Arg('code', { description: 'The current six-digit code from the authenticator app.' }) code: string,
    @Ctx() ctx: DealersContext,
  ): Promise<ConfirmMfaEnrolmentPayload> {
    const result = await mfa.confirmEnrolment(ctx, code);
    if (!result.ok) return { recoveryCodes: [], accessToken: null, refreshToken: null, userErrors: result.errors };
    return { ...result.value, userErrors: [] };
  }
}
