'use strict';
const {
	ItniotechApi,
	computeSign,
	normalizeBaseUrl,
	unixSeconds,
} = require('../../dist/credentials/ItniotechApi.credentials.js');

const credential = new ItniotechApi();
const credentials = { apiKey: 'bDqJFiq9', apiSecret: '7bz1lzh9', baseUrl: 'https://api.itniotech.com' };

afterEach(() => jest.restoreAllMocks());

describe('signing', () => {
	test("matches the vendor's golden vector", () => {
		expect(computeSign('bDqJFiq9', '7bz1lzh9', '1630468800')).toBe('05d7a50893e22a5c4bb3216ae3396c7c');
	});

	test('authenticate signs with the golden vector at the golden time', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1630468800 * 1000 + 999);
		const signed = await credential.authenticate(credentials, { url: '/sms/getBalance', method: 'GET' });
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
		expect(Number(later.headers.Timestamp) - Number(first.headers.Timestamp)).toBeGreaterThanOrEqual(60);
		expect(later.headers.Sign).not.toBe(first.headers.Sign);
		expect(later.headers.Sign).toBe(
			computeSign(credentials.apiKey, credentials.apiSecret, later.headers.Timestamp),
		);
	});

	test('unixSeconds drops milliseconds instead of rounding up', () => {
		expect(unixSeconds(1630468800999)).toBe('1630468800');
	});

	test('whitespace pasted around key and secret is ignored', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1630468800 * 1000);
		const signed = await credential.authenticate(
			{ ...credentials, apiKey: ' bDqJFiq9\n', apiSecret: '\t7bz1lzh9 ' },
			{ url: '/x' },
		);
		expect(signed.headers['Api-Key']).toBe('bDqJFiq9');
		expect(signed.headers.Sign).toBe('05d7a50893e22a5c4bb3216ae3396c7c');
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

	test.each(['ftp://api.itniotech.com', 'api.itniotech.com', 'javascript:alert(1)', 'file:///etc/passwd', 'https://'])(
		'%p is refused with a message that says what to type',
		(raw) => {
			expect(() => normalizeBaseUrl(raw)).toThrow(/Base URL .* must start with https:\/\//);
		},
	);

	test('relative request paths are sent to the credential Base URL', async () => {
		const signed = await credential.authenticate(
			{ ...credentials, baseUrl: 'https://api.onbuka.com/v3/' },
			{ url: '/voice/recordGroup/1' },
		);
		expect(signed.baseURL).toBe('https://api.onbuka.com/v3');
		expect(signed.url).toBe('/voice/recordGroup/1');
	});
});

describe('credential description', () => {
	test('fields: API Key, API Secret (password), Base URL with the Itniotech default', () => {
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.apiKey.displayName).toBe('API Key');
		expect(byName.apiSecret.displayName).toBe('API Secret');
		expect(byName.apiSecret.typeOptions).toEqual({ password: true });
		expect(byName.baseUrl.default).toBe('https://api.itniotech.com');
		expect(credential.name).toBe('itniotechApi');
		expect(credential.displayName).toBe('Itniotech API');
	});

	test('the test calls the read-only balance endpoint', () => {
		expect(credential.test.request).toEqual({ method: 'GET', url: '/sms/getBalance' });
	});

	test('-1, -2, -13 and -16 each get their own message, for string and numeric statuses', () => {
		const messages = {};
		for (const rule of credential.test.rules) {
			expect(rule.type).toBe('responseSuccessBody');
			expect(rule.properties.key).toBe('status');
			messages[String(rule.properties.value)] = rule.properties.message;
			expect(messages[String(rule.properties.value)]).toBe(rule.properties.message);
		}
		const values = credential.test.rules.map((r) => r.properties.value);
		expect(values).toEqual(expect.arrayContaining(['-1', -1, '-2', -2, '-13', -13, '-16', -16]));
		const distinct = new Set(['-1', '-2', '-13', '-16'].map((s) => messages[s]));
		expect(distinct.size).toBe(4);
		expect(messages['-1']).toMatch(/API key or API secret is wrong/);
		expect(messages['-2']).toMatch(/IP address is not on the account's IP allow-list/);
		expect(messages['-13']).toMatch(/locked/);
		expect(messages['-16']).toMatch(/clock/);
	});
});
