'use strict';
/**
 * Itniotech Verify when things go wrong, in n8n's real engine against the simulator: a wrong, expired or
 * used code is an output item (verified false, the reason in words), never an error; an unknown
 * verificationId, the OTP app's send limits (-27, -28) and blocked words (-29) are errors that say what to
 * do; sends and checks are never repeated, and a verificationId Itniotech returned is never lost.
 */
const { otpCodes, expireCodes, otpState } = require('../../simulator/otp');
const { runNode, useSimulator, ItniotechVerify } = require('../helpers');

const { sim, credentials } = useSimulator();

const withOtpApp = (account) => ({ ...account, otpAppId: 'otp-app' });

async function verify(parameters, extra = {}) {
	return await runNode({
		parameters: { resource: 'verification', options: {}, ...parameters },
		credentials: withOtpApp(credentials),
		nodeType: new ItniotechVerify(),
		...extra,
	});
}

const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url })],
	['Onbuka', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` })],
];

const sendCode = (fields = {}) => ({
	operation: 'send',
	phoneNumber: '6281234567001',
	channel: 'sms',
	templateId: { __rl: true, mode: 'id', value: '455' },
	additionalFields: {},
	...fields,
});

const check = (verificationId, code) => ({ operation: 'check', verificationId, code });

async function sentVerification(extra) {
	const sent = await verify(sendCode(), extra);
	expect(sent.error).toBeUndefined();
	const { verificationId } = sent.items[0].json;
	return { verificationId, code: otpCodes(sim, { verificationId })[0].code };
}

describe.each(BRANDS)('Check Code on %s: the result is an item, not an error', (_name, fields) => {
	let extra;
	beforeEach(() => {
		extra = { credentials: { ...withOtpApp(credentials), ...fields(credentials.baseUrl) } };
	});

	test('a wrong code: verified false, reason "wrong code"; the right one afterwards still verifies', async () => {
		const { verificationId, code } = await sentVerification(extra);
		const wrong = await verify(
			check(verificationId, code === '000000' ? '111111' : '000000'),
			extra,
		);
		expect(wrong.error).toBeUndefined();
		expect(wrong.items[0].json).toEqual({
			verified: false,
			reason: 'wrong code',
			verificationId,
			number: '6281234567001',
			channel: 'sms',
			resultCode: 2,
		});
		const right = await verify(check(verificationId, code), extra);
		expect(right.items[0].json.verified).toBe(true);
	});

	test('an expired code: verified false, reason "expired"', async () => {
		const { verificationId, code } = await sentVerification(extra);
		expireCodes(sim, verificationId);
		const result = await verify(check(verificationId, code), extra);
		expect(result.items[0].json).toMatchObject({
			verified: false,
			reason: 'expired',
			resultCode: 5,
		});
	});

	test('a code used once already: verified false, reason "already used"', async () => {
		const { verificationId, code } = await sentVerification(extra);
		await verify(check(verificationId, code), extra);
		const again = await verify(check(verificationId, code), extra);
		expect(again.items[0].json).toMatchObject({
			verified: false,
			reason: 'already used',
			resultCode: 4,
		});
	});

	test('an unknown verificationId (-22): an error naming it', async () => {
		const result = await verify(check('99999999999999', '123456'), extra);
		expect(result.error.message).toBe(
			'Itniotech does not know the verification 99999999999999 (error -22)',
		);
		expect(result.error.description).toMatch(/verificationId that Send Code/);
	});
});

describe('Check Code reads only data.matched', () => {
	const answer = (data) => ({
		kind: 'body',
		path: '/verification/verify',
		body: JSON.stringify({ status: '0', reason: 'success', data }),
	});

	test.each([
		['matched 0 as text', { matched: '0' }, true, null],
		['matched 3 (unknown ID)', { matched: 3 }, false, 'unknown verification'],
		['matched -1', { matched: -1 }, false, 'not verified'],
		['matched 1 (still sending)', { matched: 1 }, false, 'code still being sent'],
		['an undocumented matched', { matched: 9 }, false, 'not verified (result code 9)'],
	])('%s', async (_name, data, verified, reason) => {
		sim.inject(answer({ verificationId: '1', to: '6281234567001', channel: 'sms', ...data }));
		const result = await verify(check('1', '123456'));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ verified, reason });
	});

	test.each([
		['no data', undefined],
		['data without matched', { verificationId: '1' }],
		['matched null', { matched: null }],
	])('status 0 with %s is never verified: an error', async (_name, data) => {
		sim.inject(answer(data));
		const result = await verify(check('1', '123456'));
		expect(result.items).toHaveLength(0);
		expect(result.error.message).toMatch(/answered the check of verification 1 without a result/);
	});

	test.each([
		['3 characters', '123'],
		['11 characters', '12345678901'],
		['nothing', '={{ $json.none }}'],
	])('a typed code of %s: verified false, "wrong code", no request', async (_name, code) => {
		const result = await verify(check('22206051443051000001', code));
		expect(result.items[0].json).toMatchObject({ verified: false, reason: 'wrong code' });
		expect(sim.requests).toHaveLength(0);
	});

	test('spaces and dashes in the typed code are ignored', async () => {
		const { verificationId, code } = await sentVerification();
		const typed = `${code.slice(0, 3)} - ${code.slice(3)}`;
		const result = await verify(check(verificationId, typed));
		expect(result.items[0].json.verified).toBe(true);
		expect(JSON.parse(sim.requests.at(-1).body)).toEqual({ verificationId, code });
	});

	test.each([
		['HTTP 500', { kind: 'http', httpStatus: 500 }],
		['vendor -18', { kind: 'status', status: '-18' }],
	])('a check is sent once, even under %s', async (_name, fault) => {
		sim.inject({ ...fault, path: '/verification/verify' });
		const result = await verify(check('22206051443051000001', '123456'));
		expect(result.error).toBeDefined();
		expect(sim.requests).toHaveLength(1);
	});
});

describe('send limits and blocked words are errors that say what to do', () => {
	test('-28: the per-number limit of the OTP app', async () => {
		otpState(sim).limits.perPhone = 1;
		await sentVerification();
		const result = await verify(sendCode());
		expect(result.error.message).toBe(
			"Itniotech error -28: The OTP app's send limit for this phone number and period was reached",
		);
		expect(result.error.description).toMatch(/Wait before sending a code to this number again/);
		expect(sim.requests).toHaveLength(2);
	});

	test('-27: the period total limit of the OTP app', async () => {
		otpState(sim).limits.total = 0;
		const result = await verify(sendCode());
		expect(result.error.message).toMatch(
			/-27: The OTP app's send limit for this period was reached/,
		);
		expect(result.error.description).toMatch(/raise or turn off the period total send limit/);
	});

	test('-29: blocked words in the template (not the SMS reading "workspace disabled")', async () => {
		const result = await verify(
			sendCode({
				templateId: { __rl: true, mode: 'id', value: '457' },
				options: { appId: 'other-otp-app' },
			}),
		);
		expect(result.error.message).toBe(
			'Itniotech error -29: The text of the code message contains blocked words',
		);
		expect(result.error.description).toMatch(/Reword the template/);
		expect(result.error.message).not.toMatch(/workspace/);
	});

	test.each(['-27', '-28', '-29'])(
		'%s on Resend, by fault: the OTP meaning too',
		async (status) => {
			sim.inject({ kind: 'status', status, path: '/verification/resend' });
			const result = await verify({ operation: 'resend', verificationId: '1', channel: 'sms' });
			expect(result.error.message).toMatch(new RegExp(`error ${status}: The (OTP app|text)`));
			expect(sim.requests).toHaveLength(1);
		},
	);
});

describe('sends are never repeated, and no verificationId is lost', () => {
	const FAULTS = {
		'HTTP 500': { kind: 'http', httpStatus: 500, body: 'Internal Server Error' },
		'HTTP 503': { kind: 'http', httpStatus: 503 },
		'vendor -18': { kind: 'status', status: '-18' },
		'answer dropped after the vendor accepted': { kind: 'dropAnswer' },
		'a timeout': { kind: 'hang' },
	};
	const OPERATIONS = {
		'Send Code': sendCode(),
		'Send My Own Code': { ...sendCode(), operation: 'sendOwnCode', code: '482913' },
	};
	const cases = [];
	for (const [opName, parameters] of Object.entries(OPERATIONS))
		for (const [faultName, fault] of Object.entries(FAULTS))
			cases.push([opName, faultName, parameters, fault]);

	test.each(cases)(
		'%s under %s: one request, an error naming the number',
		async (_o, _f, parameters, fault) => {
			sim.inject({ ...fault, path: '/verification/' });
			const result = await verify({ ...parameters, options: { timeoutSeconds: 1 } });
			expect(sim.requests).toHaveLength(1);
			expect(sim.sent).toHaveLength(fault.kind === 'dropAnswer' ? 1 : 0);
			const { codes } = result.error.context;
			const unknown = fault.kind !== 'status';
			expect((unknown ? codes.unknown : codes.refused).map((e) => e.number)).toEqual([
				'6281234567001',
			]);
			if (unknown)
				expect(result.error.description).toMatch(
					/check with Verification → Get by Reference \(or the Itniotech console\) before sending again, so nobody gets two codes/,
				);
		},
	);

	test("three items, the second's answer is dropped: the first verificationId is in the error, the third is not sent", async () => {
		sim.inject({ kind: 'dropAnswer', path: '/verification/send', bodyContains: '6281234567002' });
		const items = ['6281234567001', '6281234567002', '6281234567003'].map((phone) => ({
			json: { phone },
		}));
		const result = await verify(
			sendCode({ phoneNumber: '={{ $json.phone }}', options: { concurrency: 1 } }),
			{ items },
		);
		const { codes } = result.error.context;
		expect(codes.sent.map((e) => [e.item, e.number, e.verificationId])).toEqual([
			[0, '6281234567001', sim.sent[0].verificationId],
		]);
		expect(codes.unknown.map((e) => [e.item, e.number])).toEqual([[1, '6281234567002']]);
		expect(codes.notSent.map((e) => e.item)).toEqual([2]);
		expect(sim.sent.map((s) => s.to)).toEqual(['6281234567001', '6281234567002']);
		expect(result.error.description).toMatch(
			new RegExp(
				`Code sent — do not send these again: item 0: 6281234567001 → ${sim.sent[0].verificationId}`,
			),
		);
		expect(result.error.description).toMatch(/Not sent — send only these again: item 2/);
	});

	test('the same under continue-on-fail: items 0 and 2 are output with their IDs, item 1 is an error item', async () => {
		sim.inject({
			kind: 'http',
			httpStatus: 500,
			path: '/verification/send',
			bodyContains: '6281234567002',
		});
		const items = ['6281234567001', '6281234567002', '6281234567003'].map((phone) => ({
			json: { phone },
		}));
		const result = await verify(sendCode({ phoneNumber: '={{ $json.phone }}' }), {
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const idOf = (to) => sim.sent.find((s) => s.to === to).verificationId;
		expect(
			result.items.map((i) => [
				i.pairedItem.item,
				i.json.verificationId ?? null,
				i.json.error !== undefined,
			]),
		).toEqual([
			[0, idOf('6281234567001'), false],
			[1, null, true],
			[2, idOf('6281234567003'), false],
		]);
		expect(result.items[1].json.codes.unknown.map((e) => e.number)).toEqual(['6281234567002']);
		expect(sim.requests).toHaveLength(3);
	});

	test('Resend under HTTP 500: sent once', async () => {
		sim.inject({ kind: 'http', httpStatus: 500, path: '/verification/resend' });
		const result = await verify({
			operation: 'resend',
			verificationId: '22206051443051000001',
			channel: 'call',
		});
		expect(result.error).toBeDefined();
		expect(sim.requests).toHaveLength(1);
	});
});

describe('reads retry temporary failures', () => {
	test('Get retries a -18, then answers', async () => {
		const { verificationId } = await sentVerification();
		sim.inject({ kind: 'status', status: '-18', path: '/verification/record/' });
		const result = await verify({ operation: 'get', lookUpBy: 'verificationId', verificationId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ verificationId, verified: false });
		expect(sim.requests.filter((r) => r.path.includes('/record/'))).toHaveLength(2);
	});

	test('Get of an unknown Reference: an error', async () => {
		const result = await verify({ operation: 'get', lookUpBy: 'reference', reference: 'nope' });
		expect(result.error.message).toMatch(/-22/);
	});
});
