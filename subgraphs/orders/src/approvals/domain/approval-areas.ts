/**
 * Who may decide an approval step, and where a step escalates: the one place that answers both.
 * The seed's five levels are not one ladder but areas:
 * - SALES: sales exceptions climb SALES_REP (1), REGIONAL_MANAGER (2), SALES_DIRECTOR (3), then the
 *   GENERAL_MANAGER (5);
 * - FINANCE: credit and payment matters go to FINANCE (4), then the GENERAL_MANAGER (5);
 * - DEALER: the dealer's own decision (a user's spending limit), by a DEALER_ADMIN of the order's
 *   dealer, before any of the distributor's steps; the distributor's staff do not decide it.
 * An approver decides a step of their own area at their level or below; FINANCE never decides a
 * sales step by seniority (nor a SALES_DIRECTOR a credit step) unless a rule puts that step in their
 * area. The GENERAL_MANAGER tops both distributor areas. A step escalates to the next level of its
 * own area's ladder; a DEALER step and a level-5 step have nowhere to go (they are reminded about).
 */

/** The areas a step can belong to. */
export const APPROVAL_AREAS = ['SALES', 'FINANCE', 'DEALER'] as const;
export type ApprovalArea = (typeof APPROVAL_AREAS)[number];

/** The distributor's areas: the ones an approval rule may name. */
export const RULE_AREAS = ['SALES', 'FINANCE'] as const satisfies readonly ApprovalArea[];
export type RuleArea = (typeof RULE_AREAS)[number];

/** The level a DEALER step carries (it has no place on the distributor's ladders). */
export const DEALER_STEP_LEVEL = 0;
/** The role that decides a DEALER step. */
export const DEALER_APPROVER_ROLE = 'DEALER_ADMIN';

/** Each distributor area's ladder, lowest level first, with the role of each level. */
export const AREA_LADDERS: Readonly<Record<RuleArea, readonly { level: number; role: string }[]>> = {
  SALES: [
    { level: 1, role: 'SALES_REP' },
    { level: 2, role: 'REGIONAL_MANAGER' },
    { level: 3, role: 'SALES_DIRECTOR' },
    { level: 5, role: 'GENERAL_MANAGER' },
  ],
  FINANCE: [
    { level: 4, role: 'FINANCE' },
    { level: 5, role: 'GENERAL_MANAGER' },
  ],
};

/** The person deciding: their role and, for a dealer user, their dealer. */
export interface Approver {
  role: string;
  dealerId?: string | null;
}

/** A step as the rule sees it: its area, level and the order's dealer. */
export interface AreaStep {
  area: ApprovalArea;
  level: number;
  /** The order's dealer (a DEALER step is decided only by that dealer's DEALER_ADMIN). */
  dealerId?: string | null;
}

/** One area an approver decides in, up to a level (and, for DEALER, for one dealer). */
export interface ApproverLane {
  area: ApprovalArea;
  upToLevel: number;
  dealerId: string | null;
}

/**
 * The lanes an approver decides in: the areas whose ladder holds their role, up to their level
 * there; the GENERAL_MANAGER both distributor areas up to 5; a DEALER_ADMIN their own dealer's
 * DEALER steps. None for anyone else (ADMIN, ORDER_ENTRY, VIEW_ONLY). The queries that list what
 * waits on a caller are built from these lanes, so they cannot disagree with {@link mayDecide}.
 */
export function approverLanes(approver: Approver): ApproverLane[] {
  if (approver.role === DEALER_APPROVER_ROLE) {
    return approver.dealerId ? [{ area: 'DEALER', upToLevel: DEALER_STEP_LEVEL, dealerId: approver.dealerId }] : [];
  }
  const lanes: ApproverLane[] = [];
  for (const area of RULE_AREAS) {
    const rung = AREA_LADDERS[area].find((r) => r.role === approver.role);
    if (rung) lanes.push({ area, upToLevel: rung.level, dealerId: null });
  }
  return lanes;
}

/** Whether this approver may decide this step (see the file's header). */
export function mayDecide({ approver, step }: { approver: Approver; step: AreaStep }): boolean {
  return approverLanes(approver).some(
    (lane) => lane.area === step.area && step.level <= lane.upToLevel && (lane.dealerId === null || lane.dealerId === step.dealerId),
  );
}

/**
 * How many of the waiting steps (in chain order) this approver decides at once: every leading step
 * they may decide (a SALES_DIRECTOR clears a REGIONAL_MANAGER step and their own, but stops at a
 * FINANCE step). 0: they may not decide the next step.
 */
export function stepsDecidedBy({ approver, pending }: { approver: Approver; pending: readonly AreaStep[] }): number {
  let count = 0;
  while (count < pending.length && mayDecide({ approver, step: pending[count] })) count += 1;
  return count;
}

/**
 * The area of a step or event stored without one (before areas existed): level 4 was FINANCE's
 * credit step, every other level a sales one.
 */
export function stepAreaOf({ area, level }: { area?: string | null; level: number }): ApprovalArea {
  if (area && (APPROVAL_AREAS as readonly string[]).includes(area)) return area as ApprovalArea;
  return level === 4 ? 'FINANCE' : 'SALES';
}

/** The area a rule of this kind puts its step in unless the rule row names another: credit matters are FINANCE's. */
export function defaultAreaOfRule(kind: string): RuleArea {
  return kind === 'CREDIT_EXCEEDANCE' ? 'FINANCE' : 'SALES';
}

/** The role that decides at `level` in `area` (LEVEL_n for a level the area has no role at). */
export function roleOfStep({ area, level }: { area: ApprovalArea; level: number }): string {
  if (area === 'DEALER') return DEALER_APPROVER_ROLE;
  return AREA_LADDERS[area].find((r) => r.level === level)?.role ?? `LEVEL_${level}`;
}

/** The levels a rule in this area may ask for (the ladder's), for the rule editor's check. */
export function levelsOf(area: RuleArea): number[] {
  return AREA_LADDERS[area].map((r) => r.level);
}

/**
 * The lowest level of the area's ladder at or above `level`: where a step that asks for `level` in
 * this area waits (a credit step asked at level 3 in FINANCE waits for FINANCE, level 4; a sales step
 * asked at level 4 waits for the GENERAL_MANAGER). Null above the top.
 */
export function rungAtOrAbove({ area, level }: { area: RuleArea; level: number }): { level: number; role: string } | null {
  return AREA_LADDERS[area].find((r) => r.level >= level) ?? null;
}

/**
 * Where a step that timed out goes: the next level up its own area's ladder (a SALES_DIRECTOR's
 * step to the GENERAL_MANAGER, never to FINANCE). Null: nobody above it in its area (level 5, a DEALER
 * step, a level off the ladder's top), so it keeps waiting and is reminded.
 */
export function escalationTarget({ area, level }: { area: ApprovalArea; level: number }): { level: number; role: string } | null {
  if (area === 'DEALER') return null;
  return AREA_LADDERS[area].find((r) => r.level > level) ?? null;
}
