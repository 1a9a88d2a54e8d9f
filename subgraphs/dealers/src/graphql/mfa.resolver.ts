import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as mfa from '../services/mfa.service.js';
import { BeginMfaEnrolmentPayload, ConfirmMfaEnrolmentPayload, DisableMfaPayload, MfaStatusType } from './mfa.type.js';

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

  @Authorized()
  @Query(() => MfaStatusType, { description: "The signed-in user's two-factor sign-in: on or off, required or not, recovery codes left." })
  async myMfa(@Ctx() ctx: DealersContext): Promise<MfaStatusType> {
    return mfa.mfaStatus(ctx);
  }

  @Authorized()
  @Mutation(() => DisableMfaPayload, {
    description:
      "Turns two-factor sign-in off for the signed-in user, with a current code or a recovery code; refused where the dealer's or the staff policy requires it.",
  })
  async disableMfa(
    @Arg('code', { description: 'The current six-digit code from the authenticator app, or a recovery code.' }) code: string,
    @Ctx() ctx: DealersContext,
  ): Promise<DisableMfaPayload> {
    const result = await mfa.disable(ctx, code);
    return result.ok ? { disabled: true, userErrors: [] } : { disabled: false, userErrors: result.errors };
  }
}
