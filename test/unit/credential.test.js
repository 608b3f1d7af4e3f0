'use strict';
const { ItniotechApi } = require('../../dist/credentials/ItniotechApi.credentials.js');
const { computeSign, unixSeconds } = require('../../dist/nodes/Itniotech/api/signing.js');
const { normalizeBaseUrl } = require('../../dist/nodes/Itniotech/api/platform.js');

const credential = new ItniotechApi();
const credentials = {
	apiKey: 'bDqJFiq9',
	apiSecret: '7bz1lzh9',
	baseUrl: 'https://api.itniotech.com',
};

afterEach(() => jest.restoreAllMocks());

describe('signing', () => {
	test("matches the vendor's golden vector", () => {
		expect(computeSign('bDqJFiq9', '7bz1lzh9', '1630468800')).toBe(
			'05d7a50893e22a5c4bb3216ae3396c7c',
		);
	});

	test('authenticate signs with the golden vector at the golden time', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1630468800 * 1000 + 999);
		const signed = await credential.authenticate(credentials, {
			url: '/sms/getBalance',
			method: 'GET',
		});
		expect(signed.headers).toEqual({
			'Content-Type': 'application/json;charset=UTF-8',
			'Api-Key': 'bDqJFiq9',
			Timestamp: '1630468800',
			Sign: '05d7a50893e22a5c4bb3216ae3396c7c',
		});
	});

	test('the timestamp is the current time in whole seconds, fresh for every request', async () => {
		const first = await credential.authenticate(credentials, { url: '/a' });
		const nowSeconds = Date.now() / 1000;
		expect(first.headers.Timestamp).toMatch(/^\d{10}$/);
		expect(Math.abs(Number(first.headers.Timestamp) - nowSeconds)).toBeLessThanOrEqual(2);

		jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
		const later = await credential.authenticate(credentials, { url: '/a' });
		expect(
			Number(later.headers.Timestamp) - Number(first.headers.Timestamp),
		).toBeGreaterThanOrEqual(60);
		expect(later.headers.Sign).not.toBe(first.headers.Sign);
		expect(later.headers.Sign).toBe(
			computeSign(credentials.apiKey, credentials.apiSecret, later.headers.Timestamp),
		);
	});

	test('unixSeconds drops milliseconds instead of rounding up', () => {
		expect(unixSeconds(1630468800999)).toBe('1630468800');
	});

	test.each([
		['apiKey', 'API Key', ' bDqJFiq9'],
		['apiKey', 'API Key', 'bDqJFiq9\n'],
		['apiKey', 'API Key', 'bDq JFiq9'],
		['apiKey', 'API Key', 'bDqJFiq9\u200b'],
		['apiSecret', 'API Secret', '\t7bz1lzh9'],
		['apiSecret', 'API Secret', '7bz1\u00a0lzh9'],
		['apiSecret', 'API Secret', '\ufeff7bz1lzh9'],
	])(
		'%s %j with whitespace or an invisible character is refused, naming the field',
		async (field, label, value) => {
			const request = credential.authenticate({ ...credentials, [field]: value }, { url: '/x' });
			await expect(request).rejects.toThrow(
				new RegExp(
					`^The ${label} in the Itniotech credential contains a space, line break or invisible character`,
				),
			);
		},
	);

	test('an empty key is refused before anything is signed', async () => {
		await expect(
			credential.authenticate({ ...credentials, apiKey: '' }, { url: '/x' }),
		).rejects.toThrow(/API Key .* is empty/);
	});

	test('every signed request is told not to follow redirects', async () => {
		const signed = await credential.authenticate(credentials, { url: '/sms/getBalance' });
		expect(signed.disableFollowRedirect).toBe(true);
	});

	test.each([
		'https://evil.example/sms/getBalance',
		'http://api.itniotech.com/sms/getBalance',
		'//evil.example/x',
	])('a request naming another origin (%s) is not signed', async (url) => {
		await expect(credential.authenticate(credentials, { url })).rejects.toThrow(
			/go only to https:\/\/api\.itniotech\.com/,
		);
	});

	test('keeps headers already on the request and does not mutate it', async () => {
		const request = { url: '/x', headers: { Accept: 'application/json' } };
		const signed = await credential.authenticate(credentials, request);
		expect(signed.headers.Accept).toBe('application/json');
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});
});

describe('base URL', () => {
	test.each([
		['https://api.itniotech.com', 'https://api.itniotech.com'],
		['https://api.itniotech.com/', 'https://api.itniotech.com'],
		['https://api.onbuka.com/v3//', 'https://api.onbuka.com/v3'],
		['  http://127.0.0.1:8080/v3 ', 'http://127.0.0.1:8080/v3'],
		['', 'https://api.itniotech.com'],
		[undefined, 'https://api.itniotech.com'],
	])('%p becomes %p', (raw, expected) => {
		expect(normalizeBaseUrl(raw)).toBe(expected);
	});

	test.each([
		'ftp://api.itniotech.com',
		'api.itniotech.com',
		'javascript:alert(1)',
		'file:///etc/passwd',
		'https://',
	])('%p is refused with a message that says what to type', (raw) => {
		expect(() => normalizeBaseUrl(raw)).toThrow(/Base URL .* must start with https:\/\//);
	});

	test.each([
		[
			'http://api.itniotech.com',
			/must start with https:\/\/ \(plain http:\/\/ is allowed only for this machine/,
		],
		['http://10.0.0.5:8080/v3', /must start with https:\/\/ \(plain http/],
		['http://localhost.evil.example', /must start with https:\/\/ \(plain http/],
		['http://128.0.0.1', /must start with https:\/\/ \(plain http/],
		['https://user:pass@api.itniotech.com', /must not contain a user name or password/],
		['https://api.itniotech.com@evil.example', /must not contain a user name or password/],
		['https://api.itniotech.com/?x=1', /must not contain \? or #/],
		['https://api.itniotech.com/#frag', /must not contain \? or #/],
		['https://api.itniotech.com/v3?', /must not contain \? or #/],
	])('%p is refused, naming the field and what is allowed', (raw, why) => {
		expect(() => normalizeBaseUrl(raw)).toThrow(
			/^The Base URL (".*" )?in the Itniotech credential /,
		);
		// A password before the @ is never repeated back.
		expect(() => normalizeBaseUrl(raw)).not.toThrow(/pass@|itniotech\.com@/);
		expect(() => normalizeBaseUrl(raw)).toThrow(why);
	});

	test.each([
		'http://127.0.0.1:4010',
		'http://127.5.6.7',
		'http://localhost:4010/v3',
		'http://[::1]:4010',
	])('plain http is allowed for the loopback address %p (a local test server)', (raw) => {
		expect(normalizeBaseUrl(raw)).toBe(raw);
	});

	test('relative request paths are sent to the credential Base URL', async () => {
		const signed = await credential.authenticate(
			{ ...credentials, platform: 'onbuka', baseUrl: 'https://api.onbuka.com/v3/' },
			{ url: '/voice/recordGroup/1' },
		);
		expect(signed.baseURL).toBe('https://api.onbuka.com/v3');
		expect(signed.url).toBe('/voice/recordGroup/1');
	});
});

describe('platform: each brand gets its own root and path layout', () => {
	const sign = (extra, url) =>
		credential.authenticate({ ...credentials, baseUrl: '', ...extra }, { url, method: 'GET' });

	test.each([
		// platform, path layout, logical path → base URL + path
		[{ platform: 'itniotech' }, '/sms/getBalance', 'https://api.itniotech.com', '/sms/getBalance'],
		[{ platform: 'itniotech' }, '/voice/sendCode', 'https://api.itniotech.com', '/voice/sendCode'],
		[{ platform: 'onbuka' }, '/sms/getBalance', 'https://api.onbuka.com/v3', '/getBalance'],
		[
			{ platform: 'onbuka' },
			'/voice/recordGroup/1',
			'https://api.onbuka.com/v3',
			'/voice/recordGroup/1',
		],
		[{}, '/sms/getBalance', 'https://api.itniotech.com', '/sms/getBalance'],
		[
			{ platform: 'other', baseUrl: 'https://api.brand.example/v3/', pathLayout: 'onbuka' },
			'/sms/getBalance',
			'https://api.brand.example/v3',
			'/getBalance',
		],
		[
			{ platform: 'other', baseUrl: 'https://api.brand.example', pathLayout: 'itniotech' },
			'/sms/getBalance',
			'https://api.brand.example',
			'/sms/getBalance',
		],
		[
			{ platform: 'other', baseUrl: 'https://api.brand.example/v3', pathLayout: 'itniotech' },
			'/voice/sendGroup',
			'https://api.brand.example/v3',
			'/voice/sendGroup',
		],
	])('%p: %s goes to %s%s', async (extra, logical, baseURL, url) => {
		const signed = await sign(extra, logical);
		expect(signed.baseURL).toBe(baseURL);
		expect(signed.url).toBe(url);
	});

	test('an edited address is kept for a known brand (tests, or a brand that moved hosts)', async () => {
		const signed = await sign(
			{ platform: 'onbuka', baseUrl: 'http://127.0.0.1:4010/v3' },
			'/sms/getBalance',
		);
		expect(`${signed.baseURL}${signed.url}`).toBe('http://127.0.0.1:4010/v3/getBalance');
	});

	test('a request n8n authenticates a second time is not mapped twice', async () => {
		const once = await sign({ platform: 'onbuka' }, '/sms/getBalance');
		const twice = await credential.authenticate(
			{ ...credentials, platform: 'onbuka', baseUrl: '' },
			once,
		);
		expect(`${twice.baseURL}${twice.url}`).toBe('https://api.onbuka.com/v3/getBalance');
	});

	test('absolute URLs (e.g. from the HTTP Request node) are left alone', async () => {
		const signed = await sign({ platform: 'onbuka' }, 'https://api.onbuka.com/v3/getBalance');
		expect(signed.baseURL).toBeUndefined();
		expect(signed.url).toBe('https://api.onbuka.com/v3/getBalance');
	});

	test('Other Brand without an address says what to enter', async () => {
		await expect(
			sign({ platform: 'other', pathLayout: 'onbuka' }, '/sms/getBalance'),
		).rejects.toThrow(
			/Base URL in the Itniotech credential is empty: with Platform "Other Brand" enter the API address/,
		);
	});

	test('an unknown platform or layout names the field and the choices', async () => {
		await expect(sign({ platform: 'acme' }, '/x')).rejects.toThrow(
			/The Platform "acme" .* is not one of: itniotech, onbuka, other/,
		);
		await expect(
			sign({ platform: 'other', baseUrl: 'https://a.example', pathLayout: 'flat' }, '/x'),
		).rejects.toThrow(/The Path Layout "flat" .* is not one of: itniotech, onbuka/);
	});
});

describe('credential description', () => {
	const variants = (name) => credential.properties.filter((p) => p.name === name);
	const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));

	test('fields: API Key, API Secret (password), Platform, Base URL and Path Layout for other brands', () => {
		expect(byName.apiKey.displayName).toBe('API Key');
		expect(byName.apiSecret.displayName).toBe('API Secret');
		expect(byName.apiSecret.typeOptions).toEqual({ password: true });
		expect(byName.platform.default).toBe('itniotech');
		expect(byName.platform.options.map((o) => o.value)).toEqual(['itniotech', 'onbuka', 'other']);
		expect(byName.pathLayout.options.map((o) => o.value)).toEqual(['itniotech', 'onbuka']);
		expect(byName.pathLayout.displayOptions).toEqual({ show: { platform: ['other'] } });
		expect(credential.name).toBe('itniotechApi');
		expect(credential.displayName).toBe('Itniotech API');
	});

	test('Base URL is asked only for Other Brand (required there); Itniotech and Onbuka use their own address', () => {
		const urls = variants('baseUrl');
		expect(urls).toHaveLength(1);
		expect(urls[0].displayOptions).toEqual({ show: { platform: ['other'] } });
		expect(urls[0].required).toBe(true);
		expect(urls[0].default).toBe('');
		expect(urls[0].placeholder).toMatch(/^e\.g\. https:\/\//);
	});

	test('App IDs live in the credential, optional, with a placeholder and where to find them', () => {
		for (const name of ['voiceAppId', 'smsAppId', 'otpAppId']) {
			expect(byName[name].required).toBeUndefined();
			expect(byName[name].placeholder).toMatch(/^e\.g\. /);
			expect(byName[name].description).toMatch(/App Management/);
		}
	});

	test('platform choices are described in plain words, without API paths', () => {
		for (const option of [...byName.platform.options, ...byName.pathLayout.options])
			expect(option.name).not.toMatch(/\//);
		for (const option of [...byName.platform.options, ...byName.pathLayout.options])
			expect(option.description).not.toMatch(/\/(sms|voice|v3|getBalance)\b/);
	});

	test('each path layout says how to tell it from the one address every brand documents (balance)', () => {
		const [itniotech, onbuka] = byName.pathLayout.options.map((option) => option.description);
		expect(itniotech).toMatch(/balance address in its API documentation has "sms" in it/);
		expect(onbuka).toMatch(/balance address in its API documentation has no "sms" in it/);
	});

	test('the test calls the read-only balance endpoint (authenticate maps it to the platform)', () => {
		expect(credential.test.request).toEqual({
			method: 'GET',
			url: '/sms/getBalance',
			disableFollowRedirect: true,
		});
	});

	test('every known vendor status gets its own message naming it, for string and numeric statuses', () => {
		const messages = {};
		for (const rule of credential.test.rules.filter(
			(r) => r.properties.key === 'status' && r.properties.value !== undefined,
		)) {
			const key = String(rule.properties.value);
			messages[key] ??= rule.properties.message;
			expect(messages[key]).toBe(rule.properties.message);
		}
		const values = credential.test.rules.map((r) => r.properties.value);
		for (const status of ['-1', '-2', '-13', '-16', '-18', '-22']) {
			expect(values).toEqual(expect.arrayContaining([status, Number(status)]));
			expect(messages[status]).toContain(`(Itniotech status ${status})`);
		}
		const distinct = new Set(['-1', '-2', '-13', '-16'].map((s) => messages[s]));
		expect(distinct.size).toBe(4);
		expect(messages['-1']).toMatch(/^Authentication failed: the API key or API secret is wrong/);
		expect(messages['-2']).toMatch(/IP address is not on the account's IP allow-list/);
		expect(messages['-13']).toMatch(/locked/);
		expect(messages['-16']).toMatch(/clock/);
		expect(messages['-22']).toMatch(/rejected a parameter .*wrong path/);
	});

	test('rules close the doors n8n leaves open: web pages, foreign JSON, answers without a balance', () => {
		const body = credential.test.rules.filter((r) => r.type === 'responseSuccessBody');
		const index = (key, value) =>
			body.findIndex((r) => r.properties.key === key && r.properties.value === value);
		expect(body[index('0', '<')].properties.message).toMatch(
			/answered with a web page, not the Itniotech API/,
		);
		expect(body[index('status', undefined)].properties.message).toMatch(/no status/);
		expect(body[index('balance', undefined)].properties.message).toMatch(/no balance/);
		// First match wins: a page before "no status", statuses before "no balance".
		expect(index('0', '<')).toBeLessThan(index('status', undefined));
		expect(index('status', '-1')).toBeLessThan(index('balance', undefined));
		const codes = credential.test.rules
			.filter((r) => r.type === 'responseCode')
			.map((r) => r.properties.value);
		expect(codes).toEqual(expect.arrayContaining([404, 401, 403, 429, 500, 502, 503, 504]));
	});
});

test('the credential has the package mark as its icon (not one node’s), light and dark, shipped in dist', () => {
	const fs = require('node:fs');
	const path = require('node:path');
	const dir = path.join(__dirname, '../../dist/credentials');
	for (const file of [credential.icon.light, credential.icon.dark]) {
		expect(file).toMatch(/^file:\.\.\/nodes\/Itniotech\/icons\/itniotech(\.dark)?\.svg$/);
		expect(fs.readFileSync(path.join(dir, file.slice('file:'.length)), 'utf8')).toMatch(/^<svg /);
	}
});
