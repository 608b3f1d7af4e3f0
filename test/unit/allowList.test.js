'use strict';
/** The trigger's Allowed Source IPs (common/trigger/allowList.ts) and the checks run at activation (setup.ts). */
const fc = require('fast-check');
const {
	parseAllowList,
	isAllowedSource,
} = require('../../dist/nodes/Itniotech/common/trigger/allowList');
const { readSetup, MIN_TOKEN_LENGTH } = require('../../dist/nodes/Itniotech/common/trigger/setup');

const ranges = (text) => {
	const list = parseAllowList(text);
	expect(list).toHaveProperty('ranges');
	return list.ranges;
};
const allows = (text, source) => isAllowedSource(ranges(text), source);

describe('parsing', () => {
	test.each([
		['198.51.100.0/', 'a trailing slash (once read as /0, every address)'],
		['198.51.100.0/33', 'an IPv4 prefix above 32'],
		['198.51.100.0/024', 'a prefix with a leading zero'],
		['198.51.100.0/-1', 'a negative prefix'],
		['198.51.100.0/24/8', 'two prefixes'],
		['/24', 'a prefix without an address'],
		['256.1.1.1', 'an octet above 255'],
		['010.1.1.1', 'an octet with a leading zero'],
		['1.2.3', 'three octets'],
		['1.2.3.4.5', 'five octets'],
		['１.２.３.４', 'full-width digits'],
		['example.com', 'a host name'],
		['2001:db8::/129', 'an IPv6 prefix above 128'],
		['2001:db8::/', 'an IPv6 trailing slash'],
		['1::2::3', 'two "::"'],
		['12345::1', 'a group of five hex digits'],
		['g::1', 'a group that is not hex'],
		['1:2:3:4:5:6:7', 'seven groups'],
		['1:2:3:4:5:6:7:8:9', 'nine groups'],
		['fe80::1%eth0', 'a zone'],
		['::ffff:1.2.3', 'a short IPv4 tail'],
		['1.2.3.4::', 'IPv4 before "::"'],
	])('%p (%s) is refused, by name', (entry) => {
		expect(parseAllowList(`203.0.113.10, ${entry}`)).toEqual({ invalid: [entry] });
	});

	test('every bad entry is named; separators are commas and white space; empty entries are skipped', () => {
		expect(parseAllowList('203.0.113.10,, 198.51.100.0/ \n 1.2.3, 2001:db8::/32')).toEqual({
			invalid: ['198.51.100.0/', '1.2.3'],
		});
		expect(ranges(' 203.0.113.10 ,\n2001:db8::/32,')).toHaveLength(2);
		expect(ranges('')).toEqual([]);
	});
});

describe('matching', () => {
	test('IPv4 addresses and ranges; a trailing-slash entry can no longer admit everyone', () => {
		expect(allows('203.0.113.10', '203.0.113.10')).toBe(true);
		expect(allows('203.0.113.10', '203.0.113.11')).toBe(false);
		expect(allows('198.51.100.0/24', '198.51.100.255')).toBe(true);
		expect(allows('198.51.100.0/24', '198.51.101.0')).toBe(false);
		expect(allows('198.51.100.7/24', '198.51.100.200')).toBe(true); // host bits set: the /24 around it
		expect(allows('10.0.0.0/8, 172.16.0.0/12', '172.31.255.255')).toBe(true);
		expect(allows('10.0.0.0/8, 172.16.0.0/12', '172.32.0.0')).toBe(false);
		expect(allows('0.0.0.0/0', '8.8.8.8')).toBe(true); // written out, "everyone" is a choice
		expect(allows('0.0.0.0/0', '2001:db8::1')).toBe(false);
	});

	test('IPv6 addresses and ranges, in any spelling', () => {
		expect(allows('2001:db8::/32', '2001:db8:ffff::5')).toBe(true);
		expect(allows('2001:db8::/32', '2001:db9::5')).toBe(false);
		expect(allows('2001:DB8:0:0:0:0:0:1', '2001:db8::1')).toBe(true);
		expect(allows('::1', '::1')).toBe(true);
		expect(allows('::1', '::2')).toBe(false);
		expect(allows('2001:db8::/33', '2001:db8:8000::1')).toBe(false);
		expect(allows('2001:db8::/33', '2001:db8:7fff::1')).toBe(true);
		expect(allows('fe80::/10', 'fe80::1%eth0')).toBe(true); // a source's zone is ignored
	});

	test('IPv4-mapped IPv6 sources (::ffff:a.b.c.d, as a dual-stack server reports IPv4) match IPv4 entries, and back', () => {
		expect(allows('198.51.100.0/24', '::ffff:198.51.100.7')).toBe(true);
		expect(allows('198.51.100.0/24', '::FFFF:c633:6407')).toBe(true);
		expect(allows('198.51.100.0/24', '::ffff:198.51.101.7')).toBe(false);
		expect(allows('::ffff:198.51.100.7', '198.51.100.7')).toBe(true);
		expect(allows('198.51.100.7', '::198.51.100.7')).toBe(false); // IPv4-compatible, not mapped
		expect(allows('198.51.100.7', '64:ff9b::198.51.100.7')).toBe(false);
	});

	test('a source that is missing or not an address is never allowed', () => {
		for (const source of [undefined, '', 'localhost', '198.51.100.7:443', '198.51.100.0/24']) {
			expect(allows('198.51.100.0/24, 0.0.0.0/0', source)).toBe(false);
		}
	});

	test('property: an IPv4 range holds exactly the addresses that share its first prefix bits', () => {
		const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
		const toNumber = (octets) => octets.reduce((n, o) => n * 256 + o, 0);
		fc.assert(
			fc.property(ipv4, ipv4, fc.integer({ min: 0, max: 32 }), (base, source, bits) => {
				const size = 2 ** (32 - bits);
				const expected = Math.floor(toNumber(base) / size) === Math.floor(toNumber(source) / size);
				expect(allows(`${base.join('.')}/${bits}`, source.join('.'))).toBe(expected);
				expect(allows(`${base.join('.')}/${bits}`, `::ffff:${source.join('.')}`)).toBe(expected);
			}),
			{ numRuns: 500 },
		);
	});

	test('property: an IPv6 range holds exactly the addresses that share its first prefix bits', () => {
		const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });
		const toBigInt = (groups) => groups.reduce((n, g) => (n << 16n) + BigInt(g), 0n);
		fc.assert(
			fc.property(
				ipv6,
				ipv6,
				fc.integer({ min: 0, max: 128 }),
				fc.boolean(),
				(base, source, bits, nearBase) => {
					const candidate = nearBase ? [...base.slice(0, 4), ...source.slice(4)] : source;
					const shift = BigInt(128 - bits);
					const expected = toBigInt(base) >> shift === toBigInt(candidate) >> shift;
					const spell = (groups) => groups.map((g) => g.toString(16)).join(':');
					expect(allows(`${spell(base)}/${bits}`, spell(candidate))).toBe(expected);
				},
			),
			{ numRuns: 500 },
		);
	});
});

describe('the activation check (readSetup)', () => {
	const setup = (parameters) =>
		readSetup((name, fallback) => (name in parameters ? parameters[name] : fallback));

	test(`a token shorter than ${MIN_TOKEN_LENGTH} characters is refused, naming the Token field and the minimum`, () => {
		expect(MIN_TOKEN_LENGTH).toBe(16);
		for (const authentication of ['queryToken', 'pathToken']) {
			expect(setup({ authentication, token: 'a' })).toMatchObject({
				problem: 'The Token must be at least 16 characters long (it has 1)',
			});
			expect(setup({ authentication, token: 'x'.repeat(15) }).problem).toMatch(/Token.*16/);
			expect(setup({ authentication })).toMatchObject({
				problem: 'The Token must be at least 16 characters long (it has 0)',
			});
			expect(setup({ authentication, token: 'x'.repeat(16) })).toEqual({
				setup: { authentication, token: 'x'.repeat(16), allowedRanges: undefined },
			});
		}
		expect(setup({ authentication: 'none', token: 'a' })).toEqual({
			setup: { authentication: 'none', token: '', allowedRanges: undefined },
		});
	});

	test('a malformed allow-list entry is refused, naming it', () => {
		expect(
			setup({ authentication: 'none', 'options.allowedIps': '203.0.113.10, 198.51.100.0/' }),
		).toEqual({
			problem: 'Allowed Source IPs: "198.51.100.0/" is not an IP address or range',
			hint: expect.stringMatching(/198\.51\.100\.0\/24, 2001:db8::\/32/),
		});
		expect(setup({ authentication: 'none', 'options.allowedIps': 'a b' }).problem).toBe(
			'Allowed Source IPs: "a", "b" are not IP addresses or ranges',
		);
		expect(
			setup({ authentication: 'none', 'options.allowedIps': ' , ' }).setup.allowedRanges,
		).toBeUndefined();
		expect(
			setup({ authentication: 'none', 'options.allowedIps': '2001:db8::/32' }).setup.allowedRanges,
		).toHaveLength(1);
	});
});
