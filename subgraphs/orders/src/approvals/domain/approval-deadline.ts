import { type ApprovalArea, escalationTarget } from './approval-areas.js';

/** How long each level has to decide a step, and when to remind before that. */
export interface ApprovalDeadlineSettings {
  /** Hours a SALES_REP or REGIONAL_MANAGER step (levels 1-2) may wait. */
  hoursLevels1to2: number;
  /** Hours a step at level 3 and above may wait. */
  hoursAbove: number;
  /** A reminder goes out this long before the deadline. */
  reminderBeforeMs: number;
}

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
 * Past its deadline a step escalates to the next level of its own area's ladder (escalationTarget:
 * a director's step to the GENERAL_MANAGER, not to FINANCE), with a fresh deadline counted from now;
 * within the reminder window it is reminded about once. A step with nobody above it in its area
 * (level 5, a dealer's own step) is reminded (once) and keeps waiting.
 */
export function deadlineAction({
  area,
  level,
  dueAt,
  remindedAt,
  now,
  settings,
}: {
  area: ApprovalArea;
  level: number;
  dueAt: Date;
  remindedAt: Date | null;
  now: Date;
  settings: ApprovalDeadlineSettings;
}): DeadlineAction {
  const overdue = now.getTime() >= dueAt.getTime();
  const target = overdue ? escalationTarget({ area, level }) : null;
  if (target) {
    return {
      kind: 'ESCALATE',
      toLevel: target.level,
      toRole: target.role,
      dueAt: stepDeadline({ level: target.level, since: now, settings }),
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
 * with nobody above it in its area (escalationTarget null): its deadline timer only reminds.
 */
export function deadlineTimers({
  stepId,
  area,
  level,
  dueAt,
  now,
  settings,
}: {
  stepId: string;
  area: ApprovalArea;
  level: number;
  dueAt: Date;
  now: Date;
  settings: ApprovalDeadlineSettings;
}): DeadlineTimer[] {
  const timers: DeadlineTimer[] = [];
  const remindAt = new Date(Math.max(dueAt.getTime() - settings.reminderBeforeMs, now.getTime()));
  if (remindAt.getTime() < dueAt.getTime()) timers.push({ kind: 'REMIND', runAt: remindAt, key: `${stepId}:${level}:REMIND` });
  timers.push({ kind: escalationTarget({ area, level }) ? 'ESCALATE' : 'REMIND', runAt: dueAt, key: `${stepId}:${level}:DUE` });
  return timers;
}
