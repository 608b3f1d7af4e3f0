'use strict';
/**
 * Itniotech Verify inside n8n's real execution engine against the simulator: every operation on both brands'
 * path layouts (Itniotech /otp/…, Onbuka /v3/otp/…, another brand), typed output with pairedItem, the
 * template and flow list searches, checks before any request.
 */
const { otpState, otpCodes } = require('../../simulator/otp');
const { runNode, useSimulator, loadOptionsContext, ItniotechVerify } = require('../helpers');

const { sim, credentials } = useSimulator();

/** The test account with an OTP App ID in the credential, where every Verify operation takes it from. */
const withOtpApp = (account) => ({ ...account, otpAppId: 'otp-app' });

async function verify(parameters, extra = {}) {
	return await runNode({
		parameters: { resource: 'verification', options: {}, ...parameters },
		credentials: withOtpApp(credentials),
		nodeType: new ItniotechVerify(),
		...extra,
	});
}

const template = (id) => ({ __rl: true, mode: 'list', value: String(id) });

const sendCode = (fields = {}) => ({
	operation: 'send',
	phoneNumber: '6281234567001',
	channel: 'sms',
	templateId: template(455),
	additionalFields: {},
	...fields,
});

const body = (i = 0) => JSON.parse(sim.requests[i].body);
const lastCode = () => otpCodes(sim).at(-1).code;

const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url }), '/otp'],
	['Onbuka', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` }), '/v3/otp'],
	[
		'another brand, Itniotech layout',
		(url) => ({ platform: 'other', baseUrl: url, pathLayout: 'itniotech' }),
		'/otp',
	],
	[
		'another brand, Onbuka layout',
		(url) => ({ platform: 'other', baseUrl: `${url}/v3`, pathLayout: 'onbuka' }),
		'/v3/otp',
	],
];

describe.each(BRANDS)('%s', (_name, fields, prefix) => {
	let brand;
	beforeEach(() => {
		brand = { ...withOtpApp(credentials), ...fields(credentials.baseUrl) };
	});
	const run = async (parameters, extra = {}) =>
		await verify(parameters, { credentials: brand, ...extra });

	test(`Send Code → Check Code → Get, at ${prefix}/verification/…`, async () => {
		const sent = await run(
			sendCode({ phoneNumber: '+62 812-3456-7001', additionalFields: { reference: 'signup-1' } }),
		);
		expect(sent.error).toBeUndefined();
		expect(sent.items.map((i) => i.json)).toEqual([
			{
				verificationId: expect.stringMatching(/^\d+$/),
				number: '6281234567001',
				channel: 'sms',
				reference: 'signup-1',
			},
		]);
		expect(body(0)).toEqual({
			appId: 'otp-app',
			templateId: 455,
			flowId: null,
			to: '6281234567001',
			channel: 'sms',
			orderId: 'signup-1',
		});
		const code = lastCode();
		const checked = await run(
			{ operation: 'check', verificationId: '={{ $json.verificationId }}', code },
			{ items: sent.items },
		);
		expect(checked.error).toBeUndefined();
		expect(checked.items.map((i) => i.json)).toEqual([
			{
				verified: true,
				reason: null,
				verificationId: sent.items[0].json.verificationId,
				number: '6281234567001',
				channel: 'sms',
				matched: 0,
			},
		]);
		const got = await run(
			{
				operation: 'get',
				lookUpBy: 'verificationId',
				verificationId: '={{ $json.verificationId }}',
			},
			{ items: sent.items },
		);
		expect(got.error).toBeUndefined();
		expect(got.items[0].json).toMatchObject({
			verificationId: sent.items[0].json.verificationId,
			reference: 'signup-1',
			number: '6281234567001',
			channel: 'sms',
			verified: true,
			state: 'verified',
			matched: 0,
			verifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
			flowId: null,
			call: [],
		});
		expect(got.items[0].json.sms).toEqual([
			expect.objectContaining({
				submitTime: expect.stringMatching(/\+08:00$/),
				cost: 0.035,
				mcc: 510,
				chargeCount: 1,
				statusCode: 0,
				status: 'delivered',
			}),
		]);
		expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
			['POST', `${prefix}/verification/send`],
			['POST', `${prefix}/verification/verify`],
			['GET', `${prefix}/verification/record/${sent.items[0].json.verificationId}`],
		]);
	});

	test(`Send My Own Code, Resend by call, Get by Reference; Template → Get Many at ${prefix}/template/list`, async () => {
		const sent = await run({
			operation: 'sendOwnCode',
			phoneNumber: '6281234567002',
			code: '7K3Q9Z',
			channel: 'sms',
			templateId: template(''),
			additionalFields: { reference: 'order-77', flowId: template(1) },
		});
		expect(sent.error).toBeUndefined();
		expect(body(0)).toEqual({
			appId: 'otp-app',
			flowId: 1,
			to: '6281234567002',
			channel: 'sms',
			orderId: 'order-77',
			code: '7K3Q9Z',
		});
		expect(sent.items[0].json).toEqual({
			verificationId: expect.any(String),
			number: '6281234567002',
			channel: 'sms',
			reference: 'order-77',
		});
		const resent = await run(
			{ operation: 'resend', verificationId: '={{ $json.verificationId }}', channel: 'call' },
			{ items: sent.items },
		);
		expect(resent.error).toBeUndefined();
		expect(resent.items[0].json).toEqual({
			verificationId: expect.any(String),
			previousVerificationId: sent.items[0].json.verificationId,
			number: '6281234567002',
			channel: 'call',
		});
		expect(resent.items[0].json.verificationId).not.toBe(sent.items[0].json.verificationId);
		const byReference = await run({
			operation: 'get',
			lookUpBy: 'reference',
			reference: 'order-77',
		});
		expect(byReference.error).toBeUndefined();
		expect(byReference.items[0].json).toMatchObject({
			reference: 'order-77',
			flowId: 1,
			verified: false,
			number: '6281234567002',
		});
		expect(byReference.items[0].json.sms).toHaveLength(1);
		expect(byReference.items[0].json.call).toEqual([
			expect.objectContaining({
				answered: true,
				callDuration: 15,
				cost: 0.06,
				answerTime: expect.stringMatching(/\+08:00$/),
			}),
		]);
		const templates = await run({ resource: 'template', operation: 'getAll', returnAll: true });
		expect(templates.items.map((i) => i.json.templateId)).toEqual([455, 456, 457]);
		expect(templates.items[0].json).toEqual({
			templateId: 455,
			appId: 'otp-app',
			name: 'Sign-up code',
			text: 'Your sign-up code is ##code##. It expires in 5 minutes.',
			codeType: 1,
			codeKind: 'numeric',
			codeLength: 6,
			speechRate: 50,
			language: 'EN',
			maxDuration: 59,
			repeatCount: 2,
			senderId: 'ACME',
		});
		expect(sim.requests.map((r) => r.path)).toEqual([
			`${prefix}/verification/sendRule`,
			`${prefix}/verification/resend`,
			`${prefix}/verification/orderId/record`,
			`${prefix}/template/list`,
		]);
		expect(body(2)).toEqual({ appId: 'otp-app', orderId: 'order-77' });
	});
});

describe('several items', () => {
	test('three sign-ups at once are three sends in one run, each output paired with its item', async () => {
		const items = ['6281234567001', '6281234567002', '6281234567003'].map((phone, i) => ({
			json: { phone, signup: `s-${i}` },
		}));
		const result = await verify(
			sendCode({
				phoneNumber: '={{ $json.phone }}',
				additionalFields: { reference: '={{ $json.signup }}' },
			}),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.number, i.json.reference, i.pairedItem.item])).toEqual([
			['6281234567001', 's-0', 0],
			['6281234567002', 's-1', 1],
			['6281234567003', 's-2', 2],
		]);
		expect(sim.requests).toHaveLength(3);
		const ids = result.items.map((i) => i.json.verificationId);
		expect(new Set(ids).size).toBe(3);
		expect(sim.sent.map((s) => s.verificationId).sort()).toEqual([...ids].sort());
	});

	test('three checks, one wrong: two verified, one false, each paired; an IF can branch', async () => {
		const phones = ['6281234567001', '6281234567002', '6281234567003'];
		const sent = await verify(sendCode({ phoneNumber: '={{ $json.phone }}' }), {
			items: phones.map((phone) => ({ json: { phone } })),
		});
		const codes = sent.items.map(
			(i) => otpCodes(sim, { verificationId: i.json.verificationId })[0].code,
		);
		const typed = [codes[0], '0000', codes[2]];
		const checked = await verify(
			{
				operation: 'check',
				verificationId: '={{ $json.verificationId }}',
				code: '={{ $json.code }}',
			},
			{ items: sent.items.map((i, n) => ({ json: { ...i.json, code: typed[n] } })) },
		);
		expect(checked.error).toBeUndefined();
		expect(checked.items.map((i) => [i.json.verified, i.json.reason, i.pairedItem.item])).toEqual([
			[true, null, 0],
			[false, 'wrong code', 1],
			[true, null, 2],
		]);
	});
});

describe('checked before any request', () => {
	test.each([
		['a phone number that is too short', { phoneNumber: '12345' }, /Phone Number in item 0/],
		// An empty field n8n itself refuses (required); an expression that reads nothing reaches the node.
		[
			'no template',
			{ templateId: template('={{ $json.none }}') },
			/Template in item 0 is not valid/,
		],
		['a template ID that is not a number', { templateId: template('abc') }, /Template in item 0/],
		[
			'a Reference over 64 characters',
			{ additionalFields: { reference: 'x'.repeat(65) } },
			/Reference in item 0/,
		],
	])('Send Code with %s: nothing is sent', async (_name, fields, message) => {
		const result = await verify(sendCode(fields));
		expect(result.error.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});

	test('the second of three items is bad: nothing is sent at all', async () => {
		const items = ['6281234567001', 'not a number', '6281234567003'].map((phone) => ({
			json: { phone },
		}));
		const result = await verify(sendCode({ phoneNumber: '={{ $json.phone }}' }), { items });
		expect(result.error.message).toMatch(/Phone Number in item 1/);
		expect(result.error.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toHaveLength(0);
	});

	test.each([
		['3 characters', '123'],
		['11 characters', '12345678901'],
		['symbols', '12#4'],
	])('Send My Own Code with a code of %s is refused', async (_name, code) => {
		const result = await verify({ ...sendCode(), operation: 'sendOwnCode', code });
		expect(result.error.message).toMatch(/Code in item 0 must be 4 to 10 letters or digits/);
		expect(sim.requests).toHaveLength(0);
	});

	test('Check Code right after a Webhook (fields under body): the Verification ID is empty, the hint says body', async () => {
		const result = await verify(
			{
				operation: 'check',
				verificationId: '={{ $json.verificationId }}',
				code: '={{ $json.code }}',
			},
			{ items: [{ json: { body: { verificationId: '22206051443051000003', code: '1234' } } }] },
		);
		expect(result.error.message).toBe('The Verification ID in item 0 is empty');
		expect(result.error.description).toMatch(/\{\{ \$json\.body\.verificationId \}\}/);
		expect(sim.requests).toHaveLength(0);
	});

	test('no OTP App ID anywhere: the error says where to set it', async () => {
		const result = await verify(sendCode(), { credentials });
		expect(result.error.message).toBe('No OTP App ID is set');
		expect(result.error.description).toMatch(/OTP → App Management.*Options → App ID/);
		expect(sim.requests).toHaveLength(0);
	});

	test('Options → App ID overrides the credential', async () => {
		otpState(sim).templates[0].appId = 'another-app';
		const result = await verify(sendCode({ options: { appId: 'another-app' } }));
		expect(result.error).toBeUndefined();
		expect(body(0).appId).toBe('another-app');
	});

	test('Retry On Fail is refused for sends and checks', async () => {
		const send = await verify(sendCode(), { settings: { retryOnFail: true } });
		expect(send.error.message).toMatch(/Turn off Retry On Fail .* send codes twice/);
		const check = await verify(
			{ operation: 'check', verificationId: '123', code: '1234' },
			{ settings: { retryOnFail: true } },
		);
		expect(check.error.message).toMatch(/check codes twice/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('list searches', () => {
	async function search(method, parameters, filter, credentialData = withOtpApp(credentials)) {
		const nodeType = new ItniotechVerify();
		const context = loadOptionsContext({
			nodeType,
			parameters: { resource: 'verification', operation: 'send', ...parameters },
			credentials: credentialData,
			propertyName: method === 'searchTemplates' ? 'templateId' : 'additionalFields.flowId',
		});
		return await nodeType.methods.listSearch[method].call(context, filter);
	}

	test("Template → From List: the chosen OTP app's templates by name, valued by ID, searchable", async () => {
		expect((await search('searchTemplates', { options: {} })).results).toEqual([
			{ name: 'Sign-up code', value: '455', description: expect.stringContaining('##code##') },
			{ name: 'Login code (letters)', value: '456', description: 'Your login code: ##code##' },
		]);
		expect(
			(await search('searchTemplates', { options: {} }, 'login')).results.map((r) => r.value),
		).toEqual(['456']);
		// Options → App ID picks the app; without any App ID every template is listed.
		expect(
			(await search('searchTemplates', { options: { appId: 'other-otp-app' } })).results.map(
				(r) => r.value,
			),
		).toEqual(['457']);
		expect(
			(await search('searchTemplates', {}, undefined, credentials)).results.map((r) => r.value),
		).toEqual(['455', '456', '457']);
		expect(sim.requests.every((r) => r.path === '/otp/template/list' && r.signValid)).toBe(true);
	});

	test('a template list whose data is an object holding the list is read too', async () => {
		otpState(sim).templateListAsObject = true;
		expect((await search('searchTemplates', {})).results.map((r) => r.value)).toEqual([
			'455',
			'456',
		]);
	});

	test('Fallback Flow → From List: the account’s flows by name', async () => {
		expect((await search('searchFlows', {})).results).toEqual([
			{ name: 'Call if not verified in 60 s', value: '1' },
			{ name: 'SMS again on failure', value: '2' },
		]);
		expect((await search('searchFlows', {}, 'sms')).results).toEqual([
			{ name: 'SMS again on failure', value: '2' },
		]);
		expect(sim.requests.map((r) => r.path)).toEqual(['/otp/flow/list', '/otp/flow/list']);
	});
});
