#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshots`: the panel pictures the README uses, taken from real n8n in Chromium, into docs/images/.
 *
 * Starts the demo simulator and n8n (the project-local runtime, the packed package in a throw-away user folder,
 * its own ports), creates the demo credential and one small workflow per picture through n8n's REST API, then
 * opens each workflow in Chromium (/usr/bin/chromium, playwright-core), opens the Itniotech node and saves the
 * panel. Run it under `flock /tmp/heavy.lock` on a shared machine.
 *
 * Robust to renamed panels: nodes are found by their type (read from package.json's n8n.nodes in dist/), and
 * resource, operation, event and field values are looked up in the built node's description by their display
 * names, accepting today's and earlier names. A picture whose node or operation cannot be found is skipped
 * with a warning; the others are still taken. Exits non-zero only if no picture could be taken.
 *
 * Options (environment): SCREENSHOTS_PORT (n8n, default 5695), SCREENSHOTS_ONLY=name,name (pictures to take).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./lib/n8n');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'docs', 'images');
const PORT = Number(process.env.SCREENSHOTS_PORT || 5695);
const PACKAGE = require(path.join(ROOT, 'package.json'));

/** Every node type of the package, by type name (`n8n-nodes-itniotech.<name>`), with its description. */
function packageNodes() {
	const nodes = {};
	for (const file of PACKAGE.n8n.nodes) {
		const loaded = require(path.join(ROOT, file));
		for (const NodeClass of Object.values(loaded)) {
			if (typeof NodeClass !== 'function') continue;
			const description = new NodeClass().description;
			if (description?.name) nodes[`${PACKAGE.name}.${description.name}`] = description;
		}
	}
	return nodes;
}

const norm = (text) =>
	String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** The option of `options` whose name is one of `names` (exact first, then containing it). */
function pickOption(options, names) {
	for (const name of names) {
		const found = options.find((o) => norm(o.name) === norm(name));
		if (found) return found;
	}
	for (const name of names) {
		const found = options.find((o) => norm(o.name).includes(norm(name)));
		if (found) return found;
	}
	return undefined;
}

/** Whether property `p` is shown for the parameters chosen so far (show/hide on those parameters only). */
function shown(p, chosen) {
	const { show = {}, hide = {} } = p.displayOptions ?? {};
	for (const [key, values] of Object.entries(show)) {
		if (key in chosen && !values.includes(chosen[key])) return false;
	}
	for (const [key, values] of Object.entries(hide)) {
		if (key in chosen && values.includes(chosen[key])) return false;
	}
	return true;
}

/**
 * A node's parameters from display names: `choose` = [[parameter, [names…]], …] for options parameters
 * (resource, operation, event), `fields` = { 'Display Name': value } for the fields shown by then.
 */
function parametersFor(description, { choose = [], fields = {} }) {
	const chosen = {};
	for (const [parameter, names] of choose) {
		const candidates = description.properties.filter(
			(p) => p.name === parameter && p.type === 'options' && shown(p, chosen),
		);
		if (candidates.length === 0) continue; // e.g. a node with one resource and no Resource field
		const option = pickOption(
			candidates.flatMap((p) => p.options),
			names,
		);
		if (!option)
			throw new Error(`${description.displayName}: no ${parameter} named ${names.join(' / ')}`);
		chosen[parameter] = option.value;
	}
	for (const [displayName, value] of Object.entries(fields)) {
		const names = Array.isArray(displayName) ? displayName : displayName.split('|');
		const property = description.properties.find(
			(p) => shown(p, chosen) && names.some((n) => norm(p.displayName) === norm(n)),
		);
		if (property) chosen[property.name] = value;
		else
			console.warn(`  (${description.displayName}: no field ${displayName}; left at its default)`);
	}
	return chosen;
}

/** The pictures. Names are today's panel names first, then earlier ones. */
function shots(demo) {
	return [
		{
			file: 'credential.png',
			credential: true,
		},
		{
			file: 'voice-get-call.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Call Record']],
				['operation', ['Get', 'Get Group Call Record']],
			],
			fields: { 'Voice ID': demo.unansweredVoiceId },
			execute: true,
		},
		{
			file: 'voice-get-many-calls.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Call Record']],
				['operation', ['Get Many', 'Search Group Call Records']],
			],
			fields: { 'Return All': false, Limit: 10 },
		},
		{
			file: 'voice-send-tts.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Call']],
				['operation', ['Send Text to Speech', 'Send Voice Message (TTS)']],
			],
			fields: {
				'Phone Number|Phone Numbers|Callee': demo.numbers.answers,
				Text: 'Your code is 1 2 3 4',
			},
		},
		{
			file: 'voice-upload-audio.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Audio File']],
				['operation', ['Upload', 'Upload Audio File']],
			],
		},
		{
			file: 'voice-send-audio.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Call']],
				['operation', ['Send Audio File', 'Send Audio Group Call']],
			],
			fields: {
				'Phone Numbers|Phone Number|Callees': [
					demo.numbers.answers,
					demo.numbers.noAnswer,
					demo.numbers.refused,
				].join(', '),
			},
		},
		{
			file: 'voice-campaign-create.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Campaign']],
				['operation', ['Create']],
			],
			fields: {
				Text: 'Hello ${text1}, your order is ready for pick-up.',
				'Campaign Name': 'Pick-up reminders',
				'Personal Texts': { text1: '={{ $json.name }}' },
			},
		},
		{
			file: 'voice-send-sip.png',
			node: ['itniotechVoice'],
			choose: [
				['resource', ['Call']],
				['operation', ['Send From SIP Phone']],
			],
			fields: {
				'Phone Number': demo.numbers.answers,
				// As the list shows a picked phone: name (group, account).
				'SIP Phone': {
					__rl: true,
					mode: 'list',
					value: demo.sipPhone.account,
					cachedResultName: `${demo.sipPhone.phoneName} (${demo.sipPhone.groupName}, ${demo.sipPhone.account})`,
				},
			},
		},
		{
			file: 'sms-send.png',
			node: ['itniotechSms'],
			choose: [
				['resource', ['Message']],
				['operation', ['Send', 'Send SMS']],
			],
			fields: {
				'Phone Numbers|Phone Number|Numbers': '={{ $json.phone }}',
				'Message|Text|Content': '=Hi {{ $json.name }}, your order is on its way.',
			},
		},
		{
			file: 'sms-delivery-report.png',
			node: ['itniotechSms'],
			choose: [
				['resource', ['Message']],
				['operation', ['Get Delivery Report']],
			],
		},
		{
			file: 'sms-trigger.png',
			node: ['itniotechSmsTrigger'],
			choose: [['event', ['SMS Delivery Report', 'SMS Delivery Reports']]],
			trigger: true,
		},
	];
}

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function rest(baseUrl, cookie, method, route, body) {
	const response = await fetch(`${baseUrl}/rest/${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest/${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
	return JSON.parse(text).data;
}

/** One workflow for a picture: a Manual Trigger (not for triggers) and the Itniotech node. */
function workflowFor(shot, type, description, parameters, credentialRef) {
	const node = {
		id: 'a0000000-0000-4000-8000-000000000002',
		name: description.defaults?.name ?? description.displayName,
		type,
		typeVersion: Array.isArray(description.version)
			? Math.max(...description.version)
			: (description.version ?? 1),
		position: [260, 0],
		parameters,
		credentials: { itniotechApi: credentialRef },
	};
	if (shot.trigger) node.webhookId = 'b0000000-0000-4000-8000-000000000001';
	const nodes = [node];
	const connections = {};
	if (!shot.trigger) {
		const manual = {
			id: 'a0000000-0000-4000-8000-000000000001',
			name: "When clicking 'Execute workflow'",
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		nodes.unshift(manual);
		connections[manual.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	}
	return {
		name: `Screenshot: ${shot.file}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

async function main() {
	const only = (process.env.SCREENSHOTS_ONLY || '').split(',').filter(Boolean);
	const { ItniotechSimulator } = require('../simulator/server');
	const { DEMO } = require('../simulator/records');
	const { taskState } = require('../simulator/tasks');
	const { chromium } = require('playwright-core');

	const described = packageNodes();
	const runtime = n8n.ensureRuntime({ quiet: true });
	const userFolder = n8n.packedUserFolder('itniotech-screenshots-');
	const sim = ItniotechSimulator.demo();
	// The port the README names for the local test server, if it is free (npm start may be using it).
	await sim.start(4010).catch(() => sim.start());
	const newest = [...sim.groupHistory].reverse();
	const demo = {
		numbers: DEMO.numbers,
		unansweredVoiceId: newest.find((r) => r.answerTime === '').voiceId,
		sipPhone: taskState(sim).sip.phones[0],
	};

	let server;
	let browser;
	const taken = [];
	const skipped = [];
	try {
		console.log(`n8n ${runtime.n8nVersion} on port ${PORT} (user folder ${userFolder})`);
		server = await n8n.startServer(runtime, userFolder, {
			port: PORT,
			extraEnv: { N8N_RESTRICT_FILE_ACCESS_TO: path.join(userFolder, 'n8n-files') },
		});
		const { cookie, owner } = await n8n.ownerSession(server.baseUrl);
		const credential = await rest(server.baseUrl, cookie, 'POST', 'credentials', {
			name: 'Itniotech (local simulator)',
			type: 'itniotechApi',
			data: {
				...DEMO.account,
				platform: 'other',
				pathLayout: 'itniotech',
				baseUrl: sim.baseUrl,
				voiceAppId: DEMO.voiceAppId,
				smsAppId: DEMO.smsAppId,
			},
		});
		const credentialRef = { id: credential.id, name: credential.name };

		browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			headless: true,
			args: CHROMIUM_ARGS,
		});
		const page = await browser.newPage({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		await page.goto(`${server.baseUrl}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
		await page.fill('input[name="password"]', owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
		fs.mkdirSync(OUT_DIR, { recursive: true });

		for (const shot of shots(demo)) {
			if (only.length > 0 && !only.some((name) => shot.file.startsWith(name))) continue;
			const file = path.join(OUT_DIR, shot.file);
			try {
				if (shot.credential) {
					await page.goto(`${server.baseUrl}/home/credentials/${credential.id}`);
					const modal = page.locator('[data-test-id="editCredential-modal"]').first();
					await modal.waitFor({ timeout: 60_000 });
					await page.waitForTimeout(1500); // fields and icon settle
					await modal.screenshot({ path: file });
					await page.keyboard.press('Escape');
				} else {
					const type = shot.node.map((name) => `${PACKAGE.name}.${name}`).find((t) => described[t]);
					if (!type) throw new Error(`no node of type ${shot.node.join(' / ')} in this build`);
					const description = described[type];
					const parameters = parametersFor(description, shot);
					const workflow = await rest(
						server.baseUrl,
						cookie,
						'POST',
						'workflows',
						workflowFor(shot, type, description, parameters, credentialRef),
					);
					await page.goto(`${server.baseUrl}/workflow/${workflow.id}`);
					const node = page.locator(`[data-node-type="${type}"]`).first();
					await node.waitFor({ timeout: 60_000 });
					await node.dblclick();
					const ndv = page.locator('[data-test-id="ndv"]').first();
					await ndv.waitFor({ timeout: 30_000 });
					if (shot.execute) {
						await page.locator('[data-test-id="node-execute-button"]').first().click();
						const output = page.locator('[data-test-id="output-panel"]');
						await output.getByText('voiceId').first().waitFor({ timeout: 60_000 });
						// The JSON view shows every field, `answered` among the first.
						await page
							.locator('[data-test-id="radio-button-json"]')
							.last()
							.click()
							.catch(() => {});
					}
					if (shot.trigger) {
						// Open the "Webhook URLs" section: the URL to hand over.
						await ndv
							.getByText('Webhook URLs')
							.first()
							.click()
							.catch(() => {});
						await ndv
							.getByText('Production URL')
							.first()
							.click()
							.catch(() => {});
					}
					await page.waitForTimeout(1500); // icons, hints and the output table settle
					// Toasts ("Node executed successfully") would cover the output.
					for (const close of await page.locator('.el-notification__closeBtn').all())
						await close.click().catch(() => {});
					await page.waitForTimeout(500);
					await ndv.screenshot({ path: file });
					await page.keyboard.press('Escape');
				}
				taken.push(shot.file);
				console.log(`✓ docs/images/${shot.file}`);
			} catch (error) {
				skipped.push(shot.file);
				console.warn(`✗ ${shot.file} skipped: ${error.message.split('\n')[0]}`);
				await page
					.screenshot({ path: path.join(os.tmpdir(), `itniotech-screenshot-failed-${shot.file}`) })
					.catch(() => {});
			}
		}
	} finally {
		if (browser) await browser.close();
		if (server) await n8n.stopServer(server);
		await sim.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	console.log(
		`screenshots: ${taken.length} taken, ${skipped.length} skipped${skipped.length ? ` (${skipped.join(', ')})` : ''}`,
	);
	process.exit(taken.length > 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(`screenshots failed: ${error.stack || error.message}`);
	process.exit(1);
});
