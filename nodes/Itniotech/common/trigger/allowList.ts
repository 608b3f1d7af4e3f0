/*
 * The Allowed Source IPs list: IPv4 and IPv6 addresses and CIDR ranges, separated by commas or spaces.
 * Parsed strictly, so that a typo is an error instead of a range nobody meant (a trailing "/" once read as
 * /0, every address). Every address is held as 16 bytes, IPv4 as IPv4-mapped IPv6 (::ffff:a.b.c.d): an
 * IPv4 entry then matches a source that arrives in either form, as a dual-stack server reports it.
 */

/** The first address of a range as 16 bytes, and how many leading bits a source must share with it. */
export interface AddressRange {
	bytes: number[];
	prefixBits: number;
}

export type AllowList = { ranges: AddressRange[] } | { invalid: string[] };

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	// No leading zeros: "010" is octal to some tools and decimal to others.
	if (
		parts.length !== 4 ||
		parts.some((part) => !/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255)
	) {
		return undefined;
	}
	return parts.map(Number);
}

/** Groups of 1 to 4 hex digits, the last two may be written as IPv4 (::ffff:198.51.100.7). */
function parseGroups(text: string, allowIpv4Tail: boolean): number[] | undefined {
	if (text === '') return [];
	const groups = text.split(':');
	const bytes: number[] = [];
	for (let i = 0; i < groups.length; i++) {
		const group = groups[i];
		if (allowIpv4Tail && i === groups.length - 1 && group.includes('.')) {
			const ipv4 = parseIpv4(group);
			if (!ipv4) return undefined;
			bytes.push(...ipv4);
		} else if (/^[0-9a-f]{1,4}$/i.test(group)) {
			const value = parseInt(group, 16);
			bytes.push(value >> 8, value & 0xff);
		} else {
			return undefined;
		}
	}
	return bytes;
}

function parseIpv6(text: string): number[] | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	if (halves.length === 1) {
		const bytes = parseGroups(text, true);
		return bytes?.length === 16 ? bytes : undefined;
	}
	const head = parseGroups(halves[0], false);
	const tail = parseGroups(halves[1], true);
	if (!head || !tail || head.length + tail.length > 14) return undefined;
	return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/** An address as 16 bytes (IPv4 mapped into IPv6), or undefined when it is not one. */
function parseAddress(text: string): { bytes: number[]; isIpv4: boolean } | undefined {
	if (text.includes(':')) {
		const bytes = parseIpv6(text);
		return bytes && { bytes, isIpv4: false };
	}
	const ipv4 = parseIpv4(text);
	return ipv4 && { bytes: [...IPV4_MAPPED_PREFIX, ...ipv4], isIpv4: true };
}

function parseEntry(entry: string): AddressRange | undefined {
	const slash = entry.indexOf('/');
	const address = parseAddress(slash === -1 ? entry : entry.slice(0, slash));
	if (!address) return undefined;
	const maxBits = address.isIpv4 ? 32 : 128;
	if (slash === -1) return { bytes: address.bytes, prefixBits: 128 };
	const bitsText = entry.slice(slash + 1);
	if (!/^(0|[1-9]\d{0,2})$/.test(bitsText) || Number(bitsText) > maxBits) return undefined;
	return { bytes: address.bytes, prefixBits: Number(bitsText) + (128 - maxBits) };
}

/** The list's ranges, or every entry that is not an address or range (none are ignored). */
export function parseAllowList(text: string): AllowList {
	const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
	const ranges: AddressRange[] = [];
	const invalid: string[] = [];
	for (const entry of entries) {
		const range = parseEntry(entry);
		if (range) ranges.push(range);
		else invalid.push(entry);
	}
	return invalid.length > 0 ? { invalid } : { ranges };
}

function inRange(bytes: number[], range: AddressRange): boolean {
	const fullBytes = Math.floor(range.prefixBits / 8);
	for (let i = 0; i < fullBytes; i++) if (bytes[i] !== range.bytes[i]) return false;
	const restBits = range.prefixBits % 8;
	if (restBits === 0) return true;
	const mask = (0xff << (8 - restBits)) & 0xff;
	return (bytes[fullBytes] & mask) === (range.bytes[fullBytes] & mask);
}

/** Whether the source address (as n8n reports it; a zone such as %eth0 is ignored) is in one of the ranges. */
export function isAllowedSource(ranges: AddressRange[], source: string | undefined): boolean {
	const address = source === undefined ? undefined : parseAddress(source.replace(/%.*$/, ''));
	return address !== undefined && ranges.some((range) => inRange(address.bytes, range));
}
