/**
 * Alerts for staff admins about integration failures: a webhook delivery dead-lettered after its
 * retries, an import that failed. Every active ADMIN gets them (nobody else: not dealers, not other
 * staff); one alert per failure (its key), whatever how often the failure is reported.
 */
export const ADMIN_ALERT_KINDS = ['DELIVERY_DEAD_LETTERED', 'IMPORT_FAILED'] as const;
export type AdminAlertKind = (typeof ADMIN_ALERT_KINDS)[number];

export interface AdminAlertFailure {
  kind: AdminAlertKind;
  /** The failed thing's id (the webhook delivery, the import job). */
  id: string;
  /** What it was: the endpoint and event, or the file and its row count. */
  what: string;
  /** Why it failed, as the integration recorded it. */
  error: string;
}

export interface AdminAlert {
  /** One alert per failure: a second report of the same one makes nothing new. */
  key: string;
  kind: AdminAlertKind;
  subject: string;
  body: string;
  recipients: string[];
}

/** The alert for a failure and the admins it goes to (user ids). */
export function adminAlertOf({
  failure,
  staff,
}: {
  failure: AdminAlertFailure;
  staff: readonly { id: string; role: string; dealerId: string | null; active: boolean }[];
}): AdminAlert {
  const recipients = staff.filter((s) => s.role === 'ADMIN' && s.dealerId === null && s.active).map((s) => s.id);
  const title = failure.kind === 'DELIVERY_DEAD_LETTERED' ? 'Webhook delivery dead-lettered' : 'Import failed';
  return {
    key: `${failure.kind}:${failure.id}`,
    kind: failure.kind,
    subject: `${title}: ${failure.what}`,
    body: `${title}: ${failure.what}. Last error: ${failure.error.slice(0, 500)}`,
    recipients,
  };
}
