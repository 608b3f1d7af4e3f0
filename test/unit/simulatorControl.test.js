'use strict';
// The simulator's control path (docs/development.md, "Try the protections"): a person trying the node in the
// editor queues faults with curl and sees what a second host received; a signed request still meets them.
const { ItniotechSimulator } = require('../../simulator/server');
const { signedHeaders } = require('../helpers');

const KEYS = { apiKey: 'controlKey', apiSecret: 'controlSecret' };

describe("the simulator's control path", () => {
	let sim;
	let baseUrl;
	beforeAll(async () => {
		sim = new ItniotechSimulator({ accounts: { [KEYS.apiKey]: KEYS.apiSecret } });
		baseUrl = await sim.start(0);
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	const control = (method, what, body) =>
		fetch(`${baseUrl}/__simulator/${what}`, { method, body }).then(async (r) => ({
			status: r.status,
			json: await r.json(),
		}));

	test('a queued redirect meets the next signed request, then answers are normal again', async () => {
		const queued = await control(
			'POST',
			'faults',
			JSON.stringify({ kind: 'redirect', location: 'https://elsewhere.example/' }),
		);
		expect(queued).toMatchObject({ status: 200, json: { queued: 1 } });
		const first = await fetch(`${baseUrl}/voice/recordGroup/2203031113381000002`, {
			headers: signedHeaders(KEYS),
			redirect: 'manual',
		});
		expect(first.status).toBe(307);
		expect(first.headers.get('location')).toBe('https://elsewhere.example/');
		const second = await fetch(`${baseUrl}/voice/recordGroup/2203031113381000002`, {
			headers: signedHeaders(KEYS),
		});
		expect(second.status).toBe(200);
		expect((await control('GET', 'faults')).json.faults).toEqual([]);
	});

	test('a list of faults queues each; DELETE clears them', async () => {
		const list = [
			{ kind: 'status', status: '-18' },
			{ kind: 'html', times: 2 },
		];
		expect((await control('POST', 'faults', JSON.stringify(list))).json.queued).toBe(2);
		expect((await control('GET', 'faults')).json.faults.map((f) => f.kind)).toEqual([
			'status',
			'html',
		]);
		await control('DELETE', 'faults');
		expect(sim.faults).toEqual([]);
	});

	test.each([
		['not JSON', 'redirect please'],
		['no kind', '{}'],
		['an unknown kind', '{"kind":"explode"}'],
	])('a fault that is %s is refused with 400 and the known kinds', async (_, body) => {
		const answer = await control('POST', 'faults', body);
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatch(/^Faults not queued: /);
		expect(sim.faults).toEqual([]);
	});

	test('requests lists which signature headers arrived, never their values; control calls are not listed', async () => {
		await fetch(`${baseUrl}/voice/getBalance`, { headers: signedHeaders(KEYS) });
		await fetch(`${baseUrl}/voice/getBalance`);
		const { json } = await control('GET', 'requests');
		expect(json.requests.map((r) => r.signatureHeaders)).toEqual([
			['api-key', 'timestamp', 'sign'],
			[],
		]);
		expect(JSON.stringify(json)).not.toContain(KEYS.apiKey);
		await control('DELETE', 'requests');
		expect((await control('GET', 'requests')).json.requests).toEqual([]);
	});

	test('an unknown control path is a 404 naming the known ones', async () => {
		const answer = await control('GET', 'nothing');
		expect(answer.status).toBe(404);
		expect(answer.json.error).toContain('/__simulator/faults');
	});

	describe('OTP: the codes it sent, its send limits, expiry', () => {
		const otp = (path, body) =>
			fetch(`${baseUrl}${path}`, {
				method: 'POST',
				headers: signedHeaders(KEYS),
				body: JSON.stringify(body),
			}).then((r) => r.json());
		const send = (to) =>
			otp('/otp/verification/send', { appId: 'otp-app', templateId: 455, to, channel: 'sms' });

		test('GET otp/codes shows the code of every send (last, and by number or ID); DELETE forgets them', async () => {
			const first = await send('6281234567001');
			const second = await otp('/v3/otp/verification/send', {
				appId: 'otp-app',
				templateId: 455,
				to: '6281234567002',
			});
			const all = (await control('GET', 'otp/codes')).json;
			expect(all.codes.map((c) => c.verificationId)).toEqual([
				first.data.verificationId,
				second.data.verificationId,
			]);
			expect(all.last).toMatchObject({
				to: '6281234567002',
				code: expect.stringMatching(/^\d{6}$/),
			});
			const byNumber = (await control('GET', 'otp/codes?to=6281234567001')).json;
			expect(byNumber.codes).toHaveLength(1);
			const verified = await otp('/otp/verification/verify', {
				verificationId: first.data.verificationId,
				code: byNumber.last.code,
			});
			expect(verified.data.matched).toBe(0);
			expect((await control('DELETE', 'otp/codes')).json).toEqual({ codes: [] });
			expect((await control('GET', 'otp/codes')).json.last).toBeNull();
		});

		test('POST otp/limits makes the next send past a limit answer -28 or -27; otp/expire lets codes expire', async () => {
			expect((await control('POST', 'otp/limits', '{"perPhone":1}')).json).toEqual({
				total: null,
				perPhone: 1,
			});
			const sent = await send('6281234567001');
			expect((await send('6281234567001')).status).toBe('-28');
			await control('POST', 'otp/limits', '{"perPhone":null,"total":0}');
			expect((await send('6281234567002')).status).toBe('-27');
			await control('POST', 'otp/expire', '{}');
			const { code } = (await control('GET', 'otp/codes')).json.last;
			const late = await otp('/otp/verification/verify', {
				verificationId: sent.data.verificationId,
				code,
			});
			expect(late.data.matched).toBe(5);
		});

		test('an unknown OTP control answers 404 naming the known ones', async () => {
			const answer = await control('GET', 'otp/nothing');
			expect(answer.status).toBe(404);
			expect(answer.json.error).toContain('/__simulator/otp/codes');
		});
	});
});
