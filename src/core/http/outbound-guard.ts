import dns from 'node:dns/promises';
import net, { BlockList } from 'node:net';

/**
 * Where the server may send requests a user configured (outside databases, webhook receivers, API base URLs). A user
 * who can name a URL can make the server reach whatever its network reaches, so hosts and ranges on a deny list (by
 * default link-local and cloud metadata addresses) are refused, checked on every address a name resolves to.
 */

export type DenyList = { addresses: BlockList; names: Set<string> };

/** Name resolution (replaceable in tests). */
export type HostLookup = (host: string) => Promise<string[]>;

export async function systemLookup(host: string): Promise<string[]> {
  const answers = await dns.lookup(host, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

export function addressFamily(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = net.isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

/** An IPv4 address mapped into IPv6 (::ffff:169.254.169.254) is checked as the IPv4 address it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

export function normalizeHostName(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** Host names, addresses and CIDR ranges; `setting` names the variable in the error for a malformed range. */
export function buildDenyList(entries: readonly string[], setting: string): DenyList {
  const addresses = new BlockList();
  const names = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const slash = entry.indexOf('/');
    if (slash > 0) {
      const network = entry.slice(0, slash);
      const prefix = Number(entry.slice(slash + 1));
      const family = addressFamily(network);
      if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 'ipv4' ? 32 : 128)) {
        throw new Error(`${setting}: "${entry}" is not a CIDR range`);
      }
      addresses.addSubnet(network, prefix, family);
    } else {
      const family = addressFamily(entry);
      if (family) addresses.addAddress(entry, family);
      else names.add(normalizeHostName(entry));
    }
  }
  return { addresses, names };
}

export function isDeniedAddress(list: DenyList, address: string): boolean {
  const plain = unmapped(address);
  const family = addressFamily(plain);
  return family !== undefined && list.addresses.check(plain, family);
}

/** Why a host is refused, or undefined when it is allowed. An unknown name is allowed: the request itself will fail. */
export async function deniedReason(list: DenyList, host: string, lookup: HostLookup = systemLookup): Promise<string | undefined> {
  const name = normalizeHostName(host);
  if (list.names.has(name)) return `requests to ${host} are not allowed on this server`;
  let addresses: string[];
  if (addressFamily(name)) addresses = [name];
  else {
    try {
      addresses = await lookup(name);
    } catch {
      addresses = [];
    }
  }
  if (addresses.some((address) => isDeniedAddress(list, address))) return `requests to ${host} are not allowed on this server (its address is on the deny list)`;
  return undefined;
}

export type OutboundGuard = {
  /** Why the server may not send a request to this URL, or undefined when it may. */
  refusal(url: string): Promise<string | undefined>;
};

export function createOutboundGuard(options: { denyHosts: readonly string[]; setting: string; lookup?: HostLookup }): OutboundGuard {
  const list = buildDenyList(options.denyHosts, options.setting);
  return {
    async refusal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return 'it is not a URL';
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http:// and https:// URLs are allowed';
      return deniedReason(list, parsed.hostname, options.lookup);
    },
  };
}
