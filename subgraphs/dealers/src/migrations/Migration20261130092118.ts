import { Migration } from '@mikro-orm/migrations';

export class Migration20261130092118 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dealers"."security_event" drop constraint if exists "security_event_kind_check";`);

    this.addSql(`alter table "dealers"."invitation" add column "cancelled_at" timestamptz null, add column "cancelled_by" uuid null;`);

    this.addSql(
      `alter table "dealers"."security_event" add constraint "security_event_kind_check" check("kind" in ('SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'MFA_ENROLMENT_REQUIRED', 'MFA_ENROLMENT_STARTED', 'MFA_ENABLED', 'MFA_DISABLED', 'RECOVERY_CODE_USED', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'ROLE_CHANGED', 'IP_REFUSED', 'DEALER_POLICY_CHANGED', 'USER_INVITED', 'INVITATION_ACCEPTED', 'USER_DISABLED', 'USER_ENABLED', 'API_CLIENT_CREATED', 'API_CLIENT_REVOKED', 'API_CLIENT_TOKEN_ISSUED', 'API_CLIENT_TOKEN_REFUSED', 'INVITATION_CANCELLED', 'API_CLIENT_SECRET_ROTATED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dealers"."security_event" drop constraint if exists "security_event_kind_check";`);

    this.addSql(`alter table "dealers"."invitation" drop column "cancelled_at", drop column "cancelled_by";`);

    this.addSql(
      `alter table "dealers"."security_event" add constraint "security_event_kind_check" check("kind" in ('SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'MFA_ENROLMENT_REQUIRED', 'MFA_ENROLMENT_STARTED', 'MFA_ENABLED', 'MFA_DISABLED', 'RECOVERY_CODE_USED', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'ROLE_CHANGED', 'IP_REFUSED', 'DEALER_POLICY_CHANGED', 'USER_INVITED', 'INVITATION_ACCEPTED', 'USER_DISABLED', 'USER_ENABLED', 'API_CLIENT_CREATED', 'API_CLIENT_REVOKED', 'API_CLIENT_TOKEN_ISSUED', 'API_CLIENT_TOKEN_REFUSED'));`,
    );
  }
}
