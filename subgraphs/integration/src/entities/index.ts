import { ImportJob } from './import-job.entity.js';
import { ImportRow } from './import-row.entity.js';

export { ImportJob, ImportRow };
export const entities = [ImportJob, ImportRow];
