/**
 * Whom an assortment grant may name: pure. A grant names a dealer that exists, or a segment value some
 * dealer has (tier, region or dealer type, spelled exactly as the dealers service keeps it: "PLATINUM",
 * not "platinum"). Anything else would be stored and match nobody, silently. Products knows dealers
 * through its own copy of their segments (`dealer_segment`), so that copy is the list of known values.
 */

export type GrantScope = 'DEALER' | 'TIER' | 'REGION' | 'DEALER_TYPE';

export interface GrantTargetProblem {
  code: 'UNKNOWN_DEALER' | 'UNKNOWN_SEGMENT';
  message: string;
  field: string[];
}

const SEGMENT_NAMES: Record<Exclude<GrantScope, 'DEALER'>, string> = { TIER: 'tier', REGION: 'region', DEALER_TYPE: 'dealer type' };

/**
 * `dealerExists` answers for scope DEALER (the value is a normalised dealer id or null when it is not
 * an id); `known` lists the values of the scope's segment for the others.
 */
export function grantTargetProblem(input: {
  scope: GrantScope;
  value: string;
  dealerExists: boolean;
  known: readonly string[];
}): GrantTargetProblem | null {
  if (input.scope === 'DEALER') {
    return input.dealerExists ? null : { code: 'UNKNOWN_DEALER', message: 'No dealer has this id.', field: ['input', 'value'] };
  }
  if (input.known.includes(input.value)) return null;
  const name = SEGMENT_NAMES[input.scope];
  const list = [...input.known].sort().join(', ');
  return {
    code: 'UNKNOWN_SEGMENT',
    message: `No dealer has the ${name} "${input.value}"${list ? `; known: ${list}` : ''}.`,
    field: ['input', 'value'],
  };
}
