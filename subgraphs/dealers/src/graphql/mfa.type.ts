import { UserError } from '@dealergraph/runtime';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A two-factor enrolment in progress: add it to an authenticator app, then confirm a code.' })
export class BeginMfaEnrolmentPayload {
  @Field(() => String, { nullable: true, description: 'The TOTP secret in base32, for typing in by hand.' })
  secret!: string | null;

  @Field(() => String, { nullable: true, description: 'otpauth:// URI of the secret (RFC 6238, SHA1, 6 digits, 30 s).' })
  otpauthUri!: string | null;

  @Field(() => String, { nullable: true, description: 'The URI as a QR code, an SVG document.' })
  qrCodeSvg!: string | null;

  @Field(() => [UserError], { description: 'ALREADY_ENROLLED when two-factor sign-in is on already.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of confirming a two-factor enrolment.' })
export class ConfirmMfaEnrolmentPayload {
  @Field(() => [String], { description: 'Single-use recovery codes, shown this once: each signs in instead of a one-time code.' })
  recoveryCodes!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Confirmed from a restricted (enrolment-only) session: a full access token for the same session.',
  })
  accessToken!: string | null;

  @Field(() => String, { nullable: true, description: 'Confirmed from a restricted session: its first refresh token.' })
  refreshToken!: string | null;

  @Field(() => [UserError], { description: 'INVALID_CODE, NOT_STARTED or ALREADY_ENROLLED.' })
  userErrors!: UserError[];
}

@ObjectType('MfaStatus', { description: "The signed-in user's two-factor sign-in." })
export class MfaStatusType {
  @Field({ description: 'Whether two-factor sign-in is on for this account.' })
  enabled!: boolean;

  @Field({ description: "Whether the dealer's or the staff policy requires it (then it cannot be turned off)." })
  required!: boolean;

  @Field(() => Int, { description: 'Recovery codes not spent yet (0 when two-factor sign-in is off).' })
  recoveryCodesLeft!: number;
}

@ObjectType({ description: 'The result of turning two-factor sign-in off.' })
export class DisableMfaPayload {
  @Field({ description: 'True when two-factor sign-in is now off.' })
  disabled!: boolean;

  @Field(() => [UserError], { description: 'NOT_ENROLLED, MFA_REQUIRED_BY_POLICY or INVALID_CODE.' })
  userErrors!: UserError[];
}
