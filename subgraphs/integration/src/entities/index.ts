import { ImportJob } from './import-job.entity.js';
import { ImportRow } from './import-row.entity.js';
import { WebhookAttempt } from './webhook-attempt.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

export { ImportJob, ImportRow, WebhookAttempt, WebhookDelivery, WebhookEndpoint };
export const entities = [ImportJob, ImportRow, WebhookEndpoint, WebhookDelivery, WebhookAttempt];
