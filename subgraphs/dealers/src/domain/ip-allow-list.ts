import ipaddr from 'ipaddr.js';

/** At most this many ranges per dealer: the list is checked on every request. */
export const MAX_ALLOW_LIST_ENTRIES = 100;

/** One entry of an allow-list that is not a range. */
export interface AllowListProblem {
  index: number;
  entry: string;
  reason: string;
}

/**
 * Reads an allow-list as typed by an administrator: IPv4 or IPv6 ranges in CIDR notation, or single
 * addresses (a /32 or /128). Ranges come back normalized to their network address ("10.1.2.3/24"
 * is "10.1.2.0/24"), without duplicates. IPv4 must be four decimal parts: "10.1" or "010.0.0.1"
 * mean other things to other tools, so they are refused rather than guessed.
 */
export function parseAllowList(input: {
  entries: readonly string[];
}): { ok: true; ranges: string[] } | { ok: false; problems: AllowListProblem[] } {
  const problems: AllowListProblem[] = [];
  const ranges: string[] = [];
  if (input.entries.length > MAX_ALLOW_LIST_ENTRIES) {
    return {
      ok: false,
      problems: [
        { index: MAX_ALLOW_LIST_ENTRIES, entry: input.entries[MAX_ALLOW_LIST_ENTRIES], reason: `at most ${MAX_ALLOW_LIST_ENTRIES} ranges` },
      ],
    };
  }
  input.entries.forEach((raw, index) => {
    const range = parseRange(raw.trim());
    if (typeof range === 'string') problems.push({ index, entry: raw, reason: range });
    else if (!ranges.includes(range.text)) ranges.push(range.text);
  });
  return problems.length ? { ok: false, problems } : { ok: true, ranges };
}

function parseRange(text: string): { text: string } | string {
  const [address, bitsText, extra] = text.split('/');
  if (extra !== undefined || !address) return 'not an address or CIDR range';
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  const v6 = !v4 && !address.includes('%') && address.includes(':') && ipaddr.IPv6.isValid(address);
  if (!v4 && !v6) return 'not an IPv4 or IPv6 address';
  const max = v4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return 'the prefix length must be a number';
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (bits > max) return `the prefix length must be 0 to ${max}`;
  const network = v4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${bits}`);
  return { text: `${network.toString()}/${bits}` };
}

/**
 * Whether a client address may be used under an allow-list. An empty list allows every address; a
 * list with ranges refuses an unknown address (fail closed). An IPv4 address seen as IPv6
 * ("::ffff:10.0.0.1") counts as IPv4.
 */
export function isAddressAllowed(input: { ip: string | null; allowList: readonly string[] }): boolean {
  if (input.allowList.length === 0) return true;
  if (!input.ip || !ipaddr.isValid(input.ip)) return false;
  const address = ipaddr.process(input.ip);
  return input.allowList.some((entry) => {
    const [network, bits] = ipaddr.parseCIDR(entry);
    return network.kind() === address.kind() && address.match(network, bits);
  });
}
