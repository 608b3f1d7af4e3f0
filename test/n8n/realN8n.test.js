'use strict';
/**
 * The real product path: the packed tarball installed into real n8n the way n8n installs community
 * packages (node type n8n-nodes-itniotech.itniotechVoice), the example workflow executed headless with
 * `n8n execute` (and a send with Wait for Result, on n8n 2.x and 1.x), the credential's Test through n8n's own REST endpoint, and the editor in a real browser.
 * The runtime (.tools/) and Chromium are installed by `npm test` before jest starts (scripts/ensure-test-tools.sh).
 * Status pushes to the trigger in real n8n: test/n8n/triggerWebhook.test.js.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const n8n = require('../../scripts/lib/n8n');
const { freePort } = require('../../scripts/lib/services');
const { useSimulator, ACCOUNT, SIMULATOR_PLATFORM, TYPED_EXAMPLE_RECORD } = require('../helpers');

jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const DEMO_WORKFLOW = path.resolve(__dirname, '../../examples/get-call-record.json');
const GOOD_CREDENTIAL_ID = 'ItnioLocalSim001';
const BAD_CREDENTIAL_ID = 'ItnioBadSecret01';
const BAD_SECRET = 'not-the-secret';
const WAIT_WORKFLOW_ID = 'ItnioWaitHeadls1';
const WAIT_CALLEES = ['447700900201', '447700900202'];

/** Two calls sent with Wait for Result on, as a user sets it up: a Code node with the numbers, then the send. */
const waitWorkflow = () => ({
	id: WAIT_WORKFLOW_ID,
	name: 'Itniotech: call and wait for the result',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'w0',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'w1',
			name: 'Contacts',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [260, 0],
			parameters: {
				jsCode: `return ${JSON.stringify(WAIT_CALLEES.map((phone) => ({ json: { phone } })))};`,
			},
		},
		{
			id: 'w2',
			name: 'Itniotech Voice',
			type: 'n8n-nodes-itniotech.itniotechVoice',
			typeVersion: 1,
			position: [520, 0],
			parameters: {
				resource: 'call',
				operation: 'sendTts',
				callee: '={{ $json.phone }}',
				language: 'EN',
				text: 'Your parcel arrives today.',
				additionalFields: {},
				options: { waitForResult: true, maxWaitMinutes: 2 },
			},
			credentials: {
				itniotechApi: { id: GOOD_CREDENTIAL_ID, name: 'Itniotech (local simulator)' },
			},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] },
		Contacts: { main: [[{ node: 'Itniotech Voice', type: 'main', index: 0 }]] },
	},
	pinData: {},
});

/** A user folder with the package installed, both credentials and the demo workflow (and a bad-secret copy). */
async function prepareUserFolder(runtime, baseUrl) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'itniotech-real-n8n-'));
	const tarball = n8n.packPackage(path.join(userFolder, 'pack'));
	const packageDir = n8n.installPackage(userFolder, tarball);
	const demo = JSON.parse(fs.readFileSync(DEMO_WORKFLOW, 'utf8'));
	const bad = JSON.parse(
		JSON.stringify(demo)
			.replaceAll(GOOD_CREDENTIAL_ID, BAD_CREDENTIAL_ID)
			.replace('ItnioDemoGetRec1', 'ItnioDemoBadSec1'),
	);
	bad.name = 'Itniotech demo: wrong secret';
	const badFile = n8n.writeJson(path.join(userFolder, 'import', 'bad.json'), bad);
	const waitFile = n8n.writeJson(path.join(userFolder, 'import', 'wait.json'), waitWorkflow());
	const credential = (id, name, apiSecret) => ({
		id,
		name,
		type: 'itniotechApi',
		data: {
			apiKey: ACCOUNT.apiKey,
			apiSecret,
			...SIMULATOR_PLATFORM,
			baseUrl,
			voiceAppId: 'voice-reminders',
		},
	});
	await n8n.importCredentialAndWorkflows(
		runtime,
		userFolder,
		credential(GOOD_CREDENTIAL_ID, 'Itniotech (local simulator)', ACCOUNT.apiSecret),
		[DEMO_WORKFLOW, waitFile],
	);
	await n8n.importCredentialAndWorkflows(
		runtime,
		userFolder,
		credential(BAD_CREDENTIAL_ID, 'Itniotech (wrong secret)', BAD_SECRET),
		[badFile],
	);
	return { userFolder, packageDir };
}

function itniotechOutput(execution) {
	return execution.data.resultData.runData['Itniotech Voice'][0];
}

const { sim } = useSimulator();

describe.each([
	['n8n 2.x', undefined],
	['n8n 1.x', '1.123.81'],
])('%s, headless', (_label, n8nVersion) => {
	let runtime;
	let folder;
	beforeAll(async () => {
		runtime = n8n.ensureRuntime({ n8nVersion, quiet: true });
		folder = await prepareUserFolder(runtime, sim.baseUrl);
	});
	afterAll(() => fs.rmSync(folder.userFolder, { recursive: true, force: true }));

	test('the package is installed as n8n installs community packages', () => {
		const manifest = JSON.parse(
			fs.readFileSync(path.join(folder.packageDir, 'package.json'), 'utf8'),
		);
		expect(manifest.name).toBe('n8n-nodes-itniotech');
		expect(manifest.peerDependencies).toBeUndefined();
		expect(
			fs.existsSync(
				path.join(folder.packageDir, 'dist/nodes/Itniotech/Voice/ItniotechVoice.node.js'),
			),
		).toBe(true);
		expect(fs.existsSync(path.join(folder.packageDir, 'node_modules'))).toBe(false); // nothing of its own to install
	});

	test('the demo workflow outputs the seed record, typed', async () => {
		const result = await n8n.n8nCommand(runtime, folder.userFolder, [
			'execute',
			'--id=ItnioDemoGetRec1',
			'--rawOutput',
		]);
		expect(result.status).toBe(0);
		const execution = n8n.parseRawOutput(result.stdout);
		expect(execution.status).toBe('success');
		const [item] = itniotechOutput(execution).data.main[0];
		expect(item.json).toEqual(TYPED_EXAMPLE_RECORD);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({
			path: '/voice/recordGroup/2203031113381000002',
			signValid: true,
		});
	});

	test('Wait for Result: the send waits in the same execution and outputs each call with its outcome', async () => {
		sim.setProgress({
			ringAfterMs: 200,
			answerAfterMs: 400,
			endAfterMs: 1_000,
			callOutcome: ({ callee }) => (callee === WAIT_CALLEES[0] ? 'answered' : 'notAnswered'),
		});
		const result = await n8n.n8nCommand(runtime, folder.userFolder, [
			'execute',
			`--id=${WAIT_WORKFLOW_ID}`,
			'--rawOutput',
		]);
		expect(result.status).toBe(0);
		const execution = n8n.parseRawOutput(result.stdout);
		expect(execution.status).toBe('success');
		const items = itniotechOutput(execution).data.main[0];
		expect(items.map(({ json }) => [json.number, json.outcome, json.answered])).toEqual([
			[WAIT_CALLEES[0], 'answered', true],
			[WAIT_CALLEES[1], 'notAnswered', false],
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// Sent once each, never again while waiting.
		expect(sim.requests.filter((r) => r.path === '/voice/sendCode')).toHaveLength(2);
	});

	test('a wrong secret fails with the actionable message, and the secret is nowhere in the output', async () => {
		const result = await n8n.n8nCommand(runtime, folder.userFolder, [
			'execute',
			'--id=ItnioDemoBadSec1',
			'--rawOutput',
		]);
		const text = `${result.stdout}\n${result.stderr}`;
		expect(text).toMatch(
			/Itniotech error -1: Authentication failed: the API key or API secret is wrong/,
		);
		expect(sim.requests[0].answeredStatus).toBe('-1');
		expect(text).not.toContain(BAD_SECRET);
		expect(text).not.toContain(sim.requests[0].headers.sign);
	});
});

describe('n8n 2.x server: credential test and the editor in a browser', () => {
	let runtime;
	let folder;
	let server;
	let session;
	beforeAll(async () => {
		runtime = n8n.ensureRuntime({ quiet: true });
		folder = await prepareUserFolder(runtime, sim.baseUrl);
		server = await n8n.startServer(runtime, folder.userFolder, { port: await freePort() });
		session = await n8n.ownerSession(server.baseUrl);
	});
	afterAll(async () => {
		await n8n.stopServer(server);
		fs.rmSync(folder.userFolder, { recursive: true, force: true });
	});

	async function credentialTest(apiSecret) {
		const response = await fetch(`${server.baseUrl}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie: session.cookie },
			body: JSON.stringify({
				credentials: {
					id: GOOD_CREDENTIAL_ID,
					name: 'Itniotech (local simulator)',
					type: 'itniotechApi',
					data: { apiKey: ACCOUNT.apiKey, apiSecret, ...SIMULATOR_PLATFORM, baseUrl: sim.baseUrl },
				},
			}),
		});
		expect(response.status).toBe(200);
		return (await response.json()).data;
	}

	test("the credential's Test, through n8n's own credential-test endpoint", async () => {
		await expect(credentialTest(ACCOUNT.apiSecret)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await credentialTest(BAD_SECRET);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^Authentication failed: the API key or API secret is wrong/);
		sim.blockedKeys.add(ACCOUNT.apiKey);
		const blocked = await credentialTest(ACCOUNT.apiSecret);
		expect(blocked.message).toMatch(/IP address is not on the account's IP allow-list/);
		expect(sim.requests.map((r) => [r.path, r.answeredStatus])).toEqual([
			['/sms/getBalance', '0'],
			['/sms/getBalance', '-1'],
			['/sms/getBalance', '-2'],
		]);
	});

	test('in the editor: log in, see the node with its icon, open it, execute it, read callDuration', async () => {
		const { chromium } = require('playwright-core');
		const browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			headless: true,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			await page.goto(`${server.baseUrl}/signin`);
			await page.fill('input[name="emailOrLdapLoginId"]', session.owner.email);
			await page.fill('input[name="password"]', session.owner.password);
			await page.click('[data-test-id="form-submit-button"]');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });

			await page.goto(`${server.baseUrl}/workflow/ItnioDemoGetRec1`);
			const node = page.locator('[data-node-type="n8n-nodes-itniotech.itniotechVoice"]').first();
			await node.waitFor({ timeout: 60_000 });
			// Name and subtitle as the canvas shows them.
			await page
				.locator('text="Itniotech Voice" >> visible=true')
				.first()
				.waitFor({ timeout: 30_000 });
			await page
				.locator('text="Get a call record" >> visible=true')
				.first()
				.waitFor({ timeout: 30_000 });
			// The node's SVG icon was served by n8n and rendered.
			const icon = node.locator('img').first();
			await icon.waitFor({ timeout: 30_000 });
			const src = await icon.getAttribute('src');
			expect(src).toMatch(/icons\/voice(\.dark)?\.svg/);
			const served = await page.request.get(new URL(src, server.baseUrl).href);
			expect(served.status()).toBe(200);
			expect(await served.text()).toContain('<svg');
			// Rendered: the browser decoded it (waits for the load instead of reading a half-loaded image).
			await page.waitForFunction(
				(img) => img.complete && img.naturalWidth > 0,
				await icon.elementHandle(),
				{
					timeout: 30_000,
				},
			);

			await node.dblclick();
			await page.locator('[data-test-id="node-execute-button"]').first().click();
			const output = page.locator('[data-test-id="output-panel"]');
			await output.getByText('callDuration').first().waitFor({ timeout: 60_000 });
			await page.locator('[data-test-id="radio-button-json"]').last().click();
			await output.getByText('"callDuration"').first().waitFor({ timeout: 30_000 });
			const outputText = await output.innerText();
			expect(outputText).toMatch(/"callDuration":\s*5/);
			expect(outputText).toMatch(/"settlePay":\s*1\.2793/);
			expect(outputText).toContain('2022-01-18T14:42:40+08:00');

			fs.mkdirSync(ARTIFACTS, { recursive: true });
			const screenshot = path.join(ARTIFACTS, 'editor-itniotech-voice.png');
			await page.screenshot({ path: screenshot });
			expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);
			expect(
				sim.requests.some(
					(r) => r.path === '/voice/recordGroup/2203031113381000002' && r.signValid,
				),
			).toBe(true);
		} finally {
			await browser.close();
		}
	});
});
