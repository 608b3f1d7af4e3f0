'use strict';
/**
 * Real n8n for the suites in test/n8n: a user folder with the packed package installed, the file's credentials
 * and workflows imported with n8n's CLI, and `n8n start` with an owner logged in.
 */
const fs = require('node:fs');
const path = require('node:path');
const n8n = require('../../scripts/lib/n8n');
const { freePort } = require('../../scripts/lib/services');

/** The n8n the runtime in .tools/ pins, which these suites are written against. */
const N8N_VERSION = '2.41.1';

/**
 * Writes `credentials` (plain data; n8n encrypts it) and `workflows` (as the editor saves them) under the user
 * folder's import/, imports them with `n8n import:credentials` and `n8n import:workflow --separate`, and
 * publishes the workflows whose IDs are in `publish` (`n8n publish:workflow`; n8n 1.x has no such command and
 * activates them with `n8n update:workflow --active=true`).
 */
async function importIntoN8n(
	runtime,
	userFolder,
	{ credentials = [], workflows = [], publish = [] },
) {
	const steps = [];
	if (credentials.length > 0) {
		const file = n8n.writeJson(path.join(userFolder, 'import', 'credentials.json'), credentials);
		steps.push(['import:credentials', `--input=${file}`]);
	}
	if (workflows.length > 0) {
		const workflowDir = path.join(userFolder, 'import', 'workflows');
		for (const workflow of workflows)
			n8n.writeJson(path.join(workflowDir, `${workflow.id}.json`), workflow);
		steps.push(['import:workflow', '--separate', `--input=${workflowDir}`]);
	}
	const oneX = runtime.n8nVersion?.startsWith('1.') === true;
	for (const id of publish)
		steps.push(
			oneX
				? ['update:workflow', `--id=${id}`, '--active=true']
				: ['publish:workflow', `--id=${id}`],
		);
	for (const args of steps) {
		const result = await n8n.n8nCommand(runtime, userFolder, args);
		if (result.status !== 0)
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
}

/**
 * The owner's session. n8n 1.x reports ready a moment before its REST routes answer (POST /rest/login is 404
 * then), so a failed login is tried again for up to 30 s.
 */
async function loggedIn(baseUrl) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			return await n8n.ownerSession(baseUrl);
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

/**
 * Registers the jest hooks that run real n8n for the file: before all tests a fresh user folder (named from
 * `userFolderPrefix`) with the package, `imports()` (what importIntoN8n takes, built when the hook runs, so it
 * can point at a simulator started before), `n8n start` with `serverEnv` and the owner's session; after all,
 * n8n stopped and the folder removed. Returns `{ server, session }`: the same two objects for the whole file,
 * filled in by beforeAll (`server.baseUrl`, `server.output()`, `session.cookie`). `n8nVersion` picks another
 * installed n8n than the pinned one (e.g. '1.123.81', as test/n8n/realN8n.test.js runs it).
 */
function useRealN8n(userFolderPrefix, { imports = () => ({}), serverEnv = {}, n8nVersion } = {}) {
	const server = {};
	const session = {};
	let userFolder;
	beforeAll(async () => {
		const runtime = n8n.ensureRuntime({ n8nVersion, quiet: true });
		expect(runtime.n8nVersion).toBe(n8nVersion ?? N8N_VERSION);
		userFolder = n8n.packedUserFolder(userFolderPrefix);
		await importIntoN8n(runtime, userFolder, imports());
		Object.assign(
			server,
			await n8n.startServer(runtime, userFolder, { port: await freePort(), extraEnv: serverEnv }),
		);
		Object.assign(session, await loggedIn(server.baseUrl));
	});
	afterAll(async () => {
		await n8n.stopServer(server);
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});
	return { server, session };
}

module.exports = { N8N_VERSION, importIntoN8n, useRealN8n };
