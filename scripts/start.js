#!/usr/bin/env node
'use strict';
/**
 * `npm start`: n8n with this node, working out of the box. Installs what is missing (dependencies, a
 * project-local Node.js 24, a pinned n8n) into git-ignored folders, builds and packs the package,
 * installs it the way n8n installs community packages, starts the bundled Itniotech simulator, imports
 * a credential and the example workflows, starts n8n and prints where to log in. Ctrl-C stops it all.
 *
 * With ITNIOTECH_API_KEY and ITNIOTECH_API_SECRET set (and optionally ITNIOTECH_PLATFORM = itniotech, onbuka
 * or other, ITNIOTECH_BASE_URL and, for other brands, ITNIOTECH_PATH_LAYOUT = itniotech or onbuka) it creates
 * a credential for that real account instead of the simulator's.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const USER_FOLDER = path.join(ROOT, '.n8n-local');
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SIMULATOR_PORT = Number(process.env.ITNIOTECH_SIMULATOR_PORT || 4010);
const SIMULATOR_CREDENTIAL_ID = 'ItnioLocalSim001';
/** The folder n8n's file nodes (Read/Write Files from Disk) may use in the demo: N8N_RESTRICT_FILE_ACCESS_TO. */
const FILES_FOLDER = path.join(USER_FOLDER, 'n8n-files');
const SAMPLE_AUDIO = 'demo-greeting.wav';

function step(title) {
	const started = Date.now();
	process.stdout.write(`\n▶ ${title}\n`);
	return () => process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function run(command, args) {
	execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

/** The example workflows, pointed at the credential this start created. */
function exampleWorkflows(credential) {
	const dir = path.join(ROOT, 'examples');
	const outDir = path.join(USER_FOLDER, 'import');
	fs.mkdirSync(outDir, { recursive: true });
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => {
			const text = fs
				.readFileSync(path.join(dir, name), 'utf8')
				.replaceAll(SIMULATOR_CREDENTIAL_ID, credential.id)
				.replaceAll('Itniotech (local simulator)', credential.name);
			const file = path.join(outDir, name);
			fs.writeFileSync(file, text);
			return file;
		});
}

/**
 * A tiny valid WAV file (8 kHz, 16-bit mono, one second of a 440 Hz tone, about 16 KB) for the upload recipe.
 */
function sampleWav() {
	const rate = 8000;
	const samples = rate;
	const data = Buffer.alloc(samples * 2);
	for (let i = 0; i < samples; i++)
		data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8);
	header.write('fmt ', 12);
	header.writeUInt32LE(16, 16); // fmt chunk size
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(rate, 24);
	header.writeUInt32LE(rate * 2, 28); // bytes per second
	header.writeUInt16LE(2, 32); // block align
	header.writeUInt16LE(16, 34); // bits per sample
	header.write('data', 36);
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}

/** The files folder with the sample audio file in it; returns the file's path. */
function prepareFilesFolder() {
	fs.mkdirSync(FILES_FOLDER, { recursive: true });
	const file = path.join(FILES_FOLDER, SAMPLE_AUDIO);
	fs.writeFileSync(file, sampleWav());
	return file;
}

/** Voice IDs of the demo history to look up: the newest answered and the newest unanswered call. */
function demoVoiceIds(history) {
	const newest = [...history].reverse();
	const answered = newest.find((r) => r.answerTime !== '');
	const unanswered = newest.find((r) => r.answerTime === '');
	return { answered: answered?.voiceId, unanswered: unanswered?.voiceId };
}

async function main() {
	let done = step('Dependencies (npm ci, first run only)');
	run('bash', ['scripts/ensure-deps.sh']);
	done();

	// Loaded after npm ci: they need nothing outside Node.js, but keep the order obvious.
	const n8n = require('./lib/n8n');
	const { ItniotechSimulator } = require('../simulator/server');
	const { DEMO } = require('../simulator/records');

	done = step('Node.js 24 and n8n in .tools/ (first run: about 5-8 minutes, then instant)');
	const runtime = n8n.ensureRuntime();
	done();

	done = step('Build and pack n8n-nodes-itniotech, install it into n8n');
	run('npm', ['run', 'build', '--silent']);
	const tarball = n8n.packPackage(path.join(USER_FOLDER, 'pack'));
	n8n.installPackage(USER_FOLDER, tarball);
	done();

	const realKey = process.env.ITNIOTECH_API_KEY;
	const realSecret = process.env.ITNIOTECH_API_SECRET;
	let simulator;
	let credential;
	if (realKey && realSecret) {
		credential = {
			id: 'ItnioRealAcct001',
			name: 'Itniotech (real account)',
			type: 'itniotechApi',
			data: {
				apiKey: realKey,
				apiSecret: realSecret,
				platform: process.env.ITNIOTECH_PLATFORM || 'itniotech',
				baseUrl: process.env.ITNIOTECH_BASE_URL || '', // empty: the platform's own address
				pathLayout: process.env.ITNIOTECH_PATH_LAYOUT || 'onbuka',
				voiceAppId: process.env.ITNIOTECH_VOICE_APP_ID || '',
				smsAppId: process.env.ITNIOTECH_SMS_APP_ID || '',
				otpAppId: process.env.ITNIOTECH_OTP_APP_ID || '',
			},
		};
		process.stdout.write(
			'\n▶ Using the real Itniotech account from ITNIOTECH_API_KEY / ITNIOTECH_API_SECRET\n',
		);
	} else {
		done = step(`Itniotech simulator on http://127.0.0.1:${SIMULATOR_PORT}`);
		// The demo account (simulator/records.js DEMO): 330 calls over the last 55 days to search, each also
		// what Get returns for its Voice ID; calls placed in the demo become records that Get and Get Many
		// return; numbers that answer, do not answer, or are refused.
		simulator = ItniotechSimulator.demo();
		await simulator.start(SIMULATOR_PORT);
		credential = {
			id: SIMULATOR_CREDENTIAL_ID,
			name: 'Itniotech (local simulator)',
			type: 'itniotechApi',
			// A test server is Other Brand with the Itniotech path layout: the dialog shows its Base URL.
			data: {
				...DEMO.account,
				platform: 'other',
				pathLayout: 'itniotech',
				baseUrl: simulator.baseUrl,
				voiceAppId: DEMO.voiceAppId,
				smsAppId: DEMO.smsAppId,
				otpAppId: DEMO.otpAppId,
			},
		};
		done();
	}

	done = step('Credential and example workflows (n8n imports them one by one: about 2 minutes)');
	await n8n.importCredentialAndWorkflows(
		runtime,
		USER_FOLDER,
		credential,
		exampleWorkflows(credential),
	);
	done();

	const sampleAudio = prepareFilesFolder();

	done = step(`n8n ${runtime.n8nVersion} on http://127.0.0.1:${N8N_PORT}`);
	// n8n's file nodes may read and write only in the files folder (n8n 2.x's default is ~/.n8n-files).
	const server = await n8n.startServer(runtime, USER_FOLDER, {
		port: N8N_PORT,
		extraEnv: { N8N_RESTRICT_FILE_ACCESS_TO: FILES_FOLDER },
	});
	const { owner } = await n8n.ownerSession(server.baseUrl);
	done();

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the simulator…\n');
		await n8n.stopServer(server);
		if (simulator) await simulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', (code) => {
		if (!stopping) {
			process.stdout.write(`n8n exited (${code}).\n${server.output().slice(-2000)}\n`);
			void stop();
		}
	});

	const demo = simulator
		? (() => {
				const ids = demoVoiceIds(simulator.groupHistory);
				return `
  Demo account (credential "${credential.name}", ready to use). For a credential of your own:
    API Key ${DEMO.account.apiKey}, API Secret ${DEMO.account.apiSecret}, Platform Other Brand (Same Platform),
    Base URL ${simulator.baseUrl}, Path Layout Like Itniotech
    Voice App ID   ${DEMO.voiceAppId}
    SMS App ID     ${DEMO.smsAppId}
    OTP App ID     ${DEMO.otpAppId} (templates "Sign-up code", "Login code (letters)")
    Numbers to try ${DEMO.numbers.answers}  answers every call (its SMS are delivered)
                   ${DEMO.numbers.noAnswer}  never answers (its SMS fail to be delivered)
                   ${DEMO.numbers.refused}  refused by the simulator (no rate / no channel)
    Voice IDs      ${ids.answered} (answered), ${ids.unanswered} (not answered): Call Record → Get
    Call history   330 calls over the last 55 days: Call Record → Get Many
    Campaigns      Campaign → Create with the numbers above; without a Start Time it is over at once,
                   the first number answered, the other two failed
    SIP phones     ${DEMO.sipPhones.phoneName}-1 and ${DEMO.sipPhones.phoneName}-2 (group "${DEMO.sipPhones.groupName}"): Call → Send From SIP Phone
    Codes sent     ${simulator.baseUrl}/__simulator/otp/codes (the last one: "last"): Verify → Check Code
    Files folder   ${FILES_FOLDER}
                   (Read/Write Files from Disk may use only this folder; sample audio file: ${sampleAudio})
`;
			})()
		: `
  Account:   ${credential.data.baseUrl || credential.data.platform} (real account)
  Files folder: ${FILES_FOLDER} (Read/Write Files from Disk may use only this folder)
`;
	process.stdout.write(`
n8n is running with n8n-nodes-itniotech.

  Editor:    ${server.baseUrl}
  Log in:    ${owner.email} / ${owner.password}
  Workflows: "Itniotech demo: Get a Call Record" → Execute workflow; more under examples/
${demo}
Press Ctrl-C to stop everything.
`);
}

main().catch((error) => {
	console.error(`\nnpm start failed: ${error.message}`);
	process.exit(1);
});
