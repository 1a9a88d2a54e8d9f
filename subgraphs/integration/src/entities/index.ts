import { ImportJob } from './import-job.entity.js';
import { ImportRow } from './import-row.entity.js';
import { IntegrationAlert } from './integration-alert.entity.js';
import { SyncMark } from './sync-mark.entity.js';
import { WebhookAttempt } from './webhook-attempt.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

export { ImportJob, ImportRow, IntegrationAlert, SyncMark, WebhookAttempt, WebhookDelivery, WebhookEndpoint };
export const entities = [ImportJob, ImportRow, WebhookEndpoint, WebhookDelivery, WebhookAttempt, SyncMark, IntegrationAlert];
