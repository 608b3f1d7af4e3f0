'use strict';
/**
 * Send Audio File → Audio File → From List as the editor loads it: the packed package installed into real
 * n8n 2.41.1, and POST /rest/dynamic-node-parameters/resource-locator-results (what the list calls when it
 * opens, is searched or scrolled), against the simulator. Run it alone, under the machine's real-n8n lock:
 *   flock /tmp/real-n8n.lock npx jest --maxWorkers=1 test/n8n/voiceListSearch.test.js
 */
const { useSimulator, useRealN8n, ACCOUNT } = require('../helpers');

jest.setTimeout(300_000);

const CREDENTIAL = { id: 'ItnioListSearch1', name: 'Itniotech (list search)' };

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-list-search-', {
	imports: () => ({
		credentials: [
			{
				...CREDENTIAL,
				type: 'itniotechApi',
				data: { ...ACCOUNT, platform: 'other', baseUrl: sim.baseUrl, pathLayout: 'itniotech' },
			},
		],
	}),
});

/** What the editor's Audio File list gets back for a search and a page. */
async function listAudioFiles(filter, paginationToken) {
	const response = await fetch(
		`${server.baseUrl}/rest/dynamic-node-parameters/resource-locator-results`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie: session.cookie },
			body: JSON.stringify({
				path: 'parameters.fileId',
				nodeTypeAndVersion: { name: 'n8n-nodes-itniotech.itniotechVoice', version: 1 },
				currentNodeParameters: {
					resource: 'call',
					operation: 'sendGroup',
					callees: '',
					fileId: { __rl: true, mode: 'list', value: '' },
				},
				credentials: { itniotechApi: CREDENTIAL },
				methodName: 'searchAudioFiles',
				...(filter === undefined ? {} : { filter }),
				...(paginationToken === undefined ? {} : { paginationToken }),
			}),
		},
	);
	const text = await response.text();
	expect({ status: response.status, text }).toMatchObject({ status: 200 });
	return JSON.parse(text).data;
}

test('the account’s files by name, a page at a time; a search filters them by name', async () => {
	const files = Array.from({ length: 130 }, (_, i) => [
		`${i % 2 === 0 ? 'welcome' : 'reminder'}-${i}.mp3`,
		`id-${i}.mp3`,
	]);
	for (const [name, id] of files) sim.files.set(name, id);

	const first = await listAudioFiles();
	expect(first.results).toHaveLength(100);
	expect(first.results[0]).toEqual({ name: 'welcome-0.mp3', value: 'id-0.mp3' });
	expect(first.paginationToken).toBe('2');
	const second = await listAudioFiles(undefined, first.paginationToken);
	expect(second.results.map((r) => r.value)).toEqual(files.slice(100).map(([, id]) => id));
	expect(second.paginationToken).toBeUndefined();

	const found = await listAudioFiles('Reminder-1');
	expect(found.results.map((r) => r.name)).toEqual(
		files.map(([name]) => name).filter((name) => name.startsWith('reminder-1')),
	);
	// Every request was signed by the credential, as a run's are.
	expect(sim.requests.every((r) => r.path === '/voice/fileQuery' && r.signValid)).toBe(true);
});
