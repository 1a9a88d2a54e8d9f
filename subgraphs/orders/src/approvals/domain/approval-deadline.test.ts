import { describe, expect, it } from 'vitest';

import { type ApprovalDeadlineSettings, deadlineAction, deadlineTimers, stepDeadline } from './approval-deadline.js';

const settings: ApprovalDeadlineSettings = { hoursLevels1to2: 24, hoursAbove: 48, reminderBeforeMs: 4 * 3_600_000 };
const at = (iso: string) => new Date(iso);

describe('stepDeadline', () => {
  it('gives levels 1-2 24 hours and higher levels 48', () => {
    const since = at('2026-11-30T08:00:00Z');
    expect(stepDeadline({ level: 1, since, settings })).toEqual(at('2026-12-01T08:00:00Z'));
    expect(stepDeadline({ level: 2, since, settings })).toEqual(at('2026-12-01T08:00:00Z'));
    expect(stepDeadline({ level: 3, since, settings })).toEqual(at('2026-12-02T08:00:00Z'));
  });

  it("takes the step's rule deadline over the level's default", () => {
    const since = at('2026-11-30T08:00:00Z');
    expect(stepDeadline({ level: 3, since, settings, hours: 2 })).toEqual(at('2026-11-30T10:00:00Z'));
    expect(stepDeadline({ level: 1, since, settings, hours: null })).toEqual(at('2026-12-01T08:00:00Z'));
  });
});

describe('deadlineAction', () => {
  const dueAt = at('2026-12-01T08:00:00Z');

  it('does nothing well before the deadline', () => {
    expect(deadlineAction({ area: 'SALES', level: 2, dueAt, remindedAt: null, now: at('2026-12-01T03:59:59Z'), settings })).toEqual({
      kind: 'NONE',
    });
  });

  it('reminds once inside the reminder window', () => {
    expect(deadlineAction({ area: 'SALES', level: 2, dueAt, remindedAt: null, now: at('2026-12-01T04:00:00Z'), settings })).toEqual({
      kind: 'REMIND',
    });
    expect(
      deadlineAction({ area: 'SALES', level: 2, dueAt, remindedAt: at('2026-12-01T04:00:00Z'), now: at('2026-12-01T07:00:00Z'), settings }),
    ).toEqual({
      kind: 'NONE',
    });
  });

  it("escalates to the next level at the deadline, with that level's deadline from now", () => {
    expect(deadlineAction({ area: 'SALES', level: 2, dueAt, remindedAt: at('2026-12-01T04:00:00Z'), now: dueAt, settings })).toEqual({
      kind: 'ESCALATE',
      toLevel: 3,
      toRole: 'SALES_DIRECTOR',
      dueAt: at('2026-12-03T08:00:00Z'),
    });
  });

  it('keeps a level-5 step waiting past its deadline, reminded once', () => {
    const late = at('2026-12-05T00:00:00Z');
    expect(deadlineAction({ area: 'SALES', level: 5, dueAt, remindedAt: null, now: late, settings })).toEqual({ kind: 'REMIND' });
    expect(deadlineAction({ area: 'SALES', level: 5, dueAt, remindedAt: late, now: late, settings })).toEqual({ kind: 'NONE' });
  });
});

describe('deadlineTimers', () => {
  const dueAt = at('2026-12-01T08:00:00Z');

  it('reminds before the deadline and escalates at it, one key per step and level', () => {
    expect(deadlineTimers({ stepId: 's1', area: 'SALES', level: 2, dueAt, now: at('2026-11-30T08:00:00Z'), settings })).toEqual([
      { kind: 'REMIND', runAt: at('2026-12-01T04:00:00Z'), key: 's1:2:REMIND' },
      { kind: 'ESCALATE', runAt: dueAt, key: 's1:2:DUE' },
    ]);
  });

  it('reminds at once inside the reminder window, and not at all past the deadline', () => {
    expect(deadlineTimers({ stepId: 's1', area: 'SALES', level: 3, dueAt, now: at('2026-12-01T06:00:00Z'), settings })[0]).toEqual({
      kind: 'REMIND',
      runAt: at('2026-12-01T06:00:00Z'),
      key: 's1:3:REMIND',
    });
    expect(deadlineTimers({ stepId: 's1', area: 'SALES', level: 3, dueAt, now: at('2026-12-01T09:00:00Z'), settings })).toEqual([
      { kind: 'ESCALATE', runAt: dueAt, key: 's1:3:DUE' },
    ]);
  });

  it('only reminds at the highest level', () => {
    expect(
      deadlineTimers({ stepId: 's1', area: 'SALES', level: 5, dueAt, now: at('2026-11-30T08:00:00Z'), settings }).map((t) => t.kind),
    ).toEqual(['REMIND', 'REMIND']);
  });
});

describe('escalation stays within the area', () => {
  const dueAt = at('2026-12-01T08:00:00Z');

  it("escalates a SALES_DIRECTOR's step to the GENERAL_MANAGER, never to FINANCE", () => {
    expect(deadlineAction({ area: 'SALES', level: 3, dueAt, remindedAt: dueAt, now: dueAt, settings })).toMatchObject({
      kind: 'ESCALATE',
      toLevel: 5,
      toRole: 'GENERAL_MANAGER',
    });
  });

  it("escalates FINANCE's step to the GENERAL_MANAGER", () => {
    expect(deadlineAction({ area: 'FINANCE', level: 4, dueAt, remindedAt: dueAt, now: dueAt, settings })).toMatchObject({
      kind: 'ESCALATE',
      toLevel: 5,
    });
  });

  it("keeps a dealer's own step waiting (reminded), with no escalation timer", () => {
    expect(deadlineAction({ area: 'DEALER', level: 0, dueAt, remindedAt: null, now: dueAt, settings })).toEqual({ kind: 'REMIND' });
    expect(
      deadlineTimers({ stepId: 's1', area: 'DEALER', level: 0, dueAt, now: at('2026-11-30T08:00:00Z'), settings }).map((t) => t.kind),
    ).toEqual(['REMIND', 'REMIND']);
  });
});
