'use strict';
/**
 * Itniotech Verify in real n8n 2.41.1 and 1.123.81, as a user imports it: examples/sign-up-verification.json, published.
 * "Webhook (sign-up) → Send Code; second webhook (code typed) → Check Code → IF verified". The first webhook
 * answers with the verificationId; the code comes from the simulator's control API (the person's phone); a
 * wrong code takes the IF's false branch with the reason, the right one the true branch, the same code again
 * is "already used". Checked: every webhook answer, and the simulator's requests (one send, each check once,
 * all signed). Run it alone, under the machine's real-n8n lock:
 *   flock /tmp/real-n8n.lock npx jest --maxWorkers=1 test/n8n/verifyScenario.test.js
 */
const { sleep } = require('../../scripts/lib/services');
const { otpCodes } = require('../../simulator/otp');
const { useSimulator, useRealN8n, ACCOUNT } = require('../helpers');
const EXAMPLE = require('../../examples/sign-up-verification.json');

jest.setTimeout(300_000);

const credentialOf = (workflow) =>
	workflow.nodes.find((node) => node.credentials)?.credentials.itniotechApi;

async function post(baseUrl, path, body) {
	const response = await fetch(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, body: json };
}

/**
 * Waits until the published workflow's webhooks answer (n8n publishes in the background). The probe is a code
 * webhook call without a verificationId: the node refuses it before any request, so it sends nothing.
 */
async function waitUntilPublished(baseUrl) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const probe = await post(baseUrl, 'sign-up-code', {});
		if (probe.status !== 404) return probe;
		if (Date.now() > deadline) throw new Error(`webhooks not registered: ${JSON.stringify(probe)}`);
		await sleep(500);
	}
}

const { sim } = useSimulator();

describe.each([
	['n8n 2.x', undefined],
	['n8n 1.x', '1.123.81'],
])('%s', (_label, n8nVersion) => {
	const { server } = useRealN8n('itniotech-verify-scenario-', {
		n8nVersion,
		imports: () => ({
			credentials: [
				{
					...credentialOf(EXAMPLE),
					type: 'itniotechApi',
					data: {
						...ACCOUNT,
						platform: 'other',
						pathLayout: 'itniotech',
						baseUrl: sim.baseUrl,
						otpAppId: 'otp-app',
					},
				},
			],
			workflows: [EXAMPLE],
			publish: [EXAMPLE.id],
		}),
	});
	test('sign-up → Send Code; code typed → Check Code → IF verified: wrong, right, and used again', async () => {
		const probe = await waitUntilPublished(server.baseUrl);
		expect(probe.status).toBeGreaterThanOrEqual(400);
		expect(sim.requests).toHaveLength(0);

		const signUp = await post(server.baseUrl, 'sign-up', { phone: '+62 812-3456-7001' });
		expect(signUp.status).toBe(200);
		expect(signUp.body).toEqual({
			verificationId: expect.stringMatching(/^\d+$/),
			number: '6281234567001',
			channel: 'sms',
			reference: null,
		});
		const { verificationId } = signUp.body;
		const [sent] = otpCodes(sim, { verificationId });
		expect(sent.to).toBe('6281234567001');

		const wrongCode = sent.code === '000000' ? '111111' : '000000';
		const wrong = await post(server.baseUrl, 'sign-up-code', { verificationId, code: wrongCode });
		expect(wrong).toEqual({ status: 200, body: { status: 'try again', reason: 'wrong code' } });

		const right = await post(server.baseUrl, 'sign-up-code', { verificationId, code: sent.code });
		expect(right).toEqual({ status: 200, body: { status: 'verified', number: '6281234567001' } });

		const again = await post(server.baseUrl, 'sign-up-code', { verificationId, code: sent.code });
		expect(again).toEqual({ status: 200, body: { status: 'try again', reason: 'already used' } });

		expect(sim.requests.map((r) => r.path)).toEqual([
			'/otp/verification/send',
			'/otp/verification/verify',
			'/otp/verification/verify',
			'/otp/verification/verify',
		]);
		expect(sim.requests.every((r) => r.signValid)).toBe(true);
		expect(JSON.parse(sim.requests[0].body)).toMatchObject({
			appId: 'otp-app',
			templateId: 455,
			to: '6281234567001',
			channel: 'sms',
		});
		expect(sim.sent).toHaveLength(1);
	});
});
