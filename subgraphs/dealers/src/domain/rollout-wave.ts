/**
 * Rollout waves (seed case study: a pilot of 30 dealers, then waves of 100 and 150): the portal
 * opens to a dealer when its wave opens. A dealer in no wave is open (existing and demo dealers).
 */

/** Whether a dealer's users may use the portal now. */
export function isPortalOpen(input: { waveOpensAt: Date | null; now: Date }): boolean {
  return input.waveOpensAt === null || input.waveOpensAt.getTime() <= input.now.getTime();
}

export type WaveProblem = { code: 'REQUIRED' | 'TOO_LONG' | 'INVALID_INPUT'; message: string; field: string };

/** A wave's name: 1 to 100 characters after trimming. */
export function checkWaveName(name: string): WaveProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return { code: 'REQUIRED', message: 'Give the wave a name, e.g. "Pilot".', field: 'name' };
  if (trimmed.length > 100) return { code: 'TOO_LONG', message: 'Keep the name under 100 characters.', field: 'name' };
  return null;
}

/** Whom an assignment names: a list of dealers or a filter, exactly one, and a list of at most `max`. */
export function checkAssignment(input: { dealerIds: readonly string[] | null; hasFilter: boolean; max: number }): WaveProblem | null {
  if ((input.dealerIds === null) === !input.hasFilter)
    return { code: 'INVALID_INPUT', message: 'Name the dealers either by dealerIds or by filter, not both.', field: 'dealerIds' };
  if (input.dealerIds && input.dealerIds.length === 0)
    return { code: 'REQUIRED', message: 'Name at least one dealer.', field: 'dealerIds' };
  if (input.dealerIds && input.dealerIds.length > input.max)
    return { code: 'TOO_LONG', message: `Assign at most ${input.max} dealers at once, or use a filter.`, field: 'dealerIds' };
  return null;
}
