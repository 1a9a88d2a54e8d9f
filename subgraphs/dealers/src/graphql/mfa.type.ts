import { UserError } from '@dealergraph/runtime';
import { Field, ObjectType } from 'type-graphql';

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
