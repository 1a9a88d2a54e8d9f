import { APPROVAL_ROLES } from './approval-routing.js';

/** How long each level has to decide a step, and when to remind before that. */
export interface ApprovalDeadlineSettings {
  /** Hours a SALES_REP or REGIONAL_MANAGER step (levels 1-2) may wait. */
  hoursLevels1to2: number;
  /** Hours a step at level 3 and above may wait. */
  hoursAbove: number;
  /** A reminder goes out this long before the deadline. */
  reminderBeforeMs: number;
}

export const HIGHEST_APPROVAL_LEVEL = 5;
const HOUR_MS = 3_600_000;

/** When a step at `level` that started waiting at `since` must be decided; `hours` (its rule's deadline) overrides the level's default. */
export function stepDeadline({ level, since, settings, hours: ruleHours = null }: { level: number; since: Date; settings: ApprovalDeadlineSettings; hours?: number | null }): Date {
  const hours = ruleHours ?? (level <= 2 ? settings.hoursLevels1to2 : settings.hoursAbove);
  return new Date(since.getTime() + hours * HOUR_MS);
}

/** What the sweep does to a waiting step now. */
export type DeadlineAction = { kind: 'NONE' } | { kind: 'REMIND' } | { kind: 'ESCALATE'; toLevel: number; toRole: string; dueAt: Date };

/**
 * Past its deadline a step escalates to the next level (a fresh deadline, counted from now); within
 * the reminder window it is reminded about once. A step at the highest level has nobody above it:
 * it is reminded (once) and keeps waiting.
 */
export function deadlineAction({ level, dueAt, remindedAt, now, settings }: { level: number; dueAt: Date; remindedAt: Date | null; now: Date; settings: ApprovalDeadlineSettings }): DeadlineAction {
  const overdue = now.getTime() >= dueAt.getTime();
  if (overdue && level < HIGHEST_APPROVAL_LEVEL) {
    const toLevel = level + 1;
    return { kind: 'ESCALATE', toLevel, toRole: APPROVAL_ROLES[toLevel] ?? `LEVEL_${toLevel}`, dueAt: stepDeadline({ level: toLevel, since: now, settings }) };
  }
  const remindFrom = dueAt.getTime() - settings.reminderBeforeMs;
  if (remindedAt === null && now.getTime() >= remindFrom) return { kind: 'REMIND' };
  return { kind: 'NONE' };
}
