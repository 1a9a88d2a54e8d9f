import { approvalRoleOf } from '@dealergraph/runtime';

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
export function stepDeadline({
  level,
  since,
  settings,
  hours: ruleHours = null,
}: {
  level: number;
  since: Date;
  settings: ApprovalDeadlineSettings;
  hours?: number | null;
}): Date {
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
export function deadlineAction({
  level,
  dueAt,
  remindedAt,
  now,
  settings,
}: {
  level: number;
  dueAt: Date;
  remindedAt: Date | null;
  now: Date;
  settings: ApprovalDeadlineSettings;
}): DeadlineAction {
  const overdue = now.getTime() >= dueAt.getTime();
  if (overdue && level < HIGHEST_APPROVAL_LEVEL) {
    const toLevel = level + 1;
    return {
      kind: 'ESCALATE',
      toLevel,
      toRole: approvalRoleOf(toLevel),
      dueAt: stepDeadline({ level: toLevel, since: now, settings }),
    };
  }
  const remindFrom = dueAt.getTime() - settings.reminderBeforeMs;
  if (remindedAt === null && now.getTime() >= remindFrom) return { kind: 'REMIND' };
  return { kind: 'NONE' };
}

/** One timer of a waiting step: the reminder before its deadline, or the escalation at it. */
export interface DeadlineTimer {
  kind: 'REMIND' | 'ESCALATE';
  /** When the timer fires. */
  runAt: Date;
  /** Names the timer of this step at this level, so scheduling it twice (a retry, a restart) makes one job. */
  key: string;
}

/**
 * The timers of a step waiting at `level` until `dueAt`: a reminder `reminderBeforeMs` earlier (at
 * once when that moment is past but the deadline is not) and the escalation at the deadline. A step
 * at the highest level has nobody above it: its deadline timer only reminds.
 */
export function deadlineTimers({
  stepId,
  level,
  dueAt,
  now,
  settings,
}: {
  stepId: string;
  level: number;
  dueAt: Date;
  now: Date;
  settings: ApprovalDeadlineSettings;
}): DeadlineTimer[] {
  const timers: DeadlineTimer[] = [];
  const remindAt = new Date(Math.max(dueAt.getTime() - settings.reminderBeforeMs, now.getTime()));
  if (remindAt.getTime() < dueAt.getTime()) timers.push({ kind: 'REMIND', runAt: remindAt, key: `${stepId}:${level}:REMIND` });
  timers.push({ kind: level < HIGHEST_APPROVAL_LEVEL ? 'ESCALATE' : 'REMIND', runAt: dueAt, key: `${stepId}:${level}:DUE` });
  return timers;
}
