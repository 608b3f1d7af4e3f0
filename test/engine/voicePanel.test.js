'use strict';
/**
 * What the Voice panel promises a no-code user, against the simulator: sends take the App ID from the
 * credential (Options → App ID overrides it, a missing one is a clear error before anything is sent), and
 * Send Audio File's Audio File list is the account's files by name, searchable and paged, loaded the way
 * the editor loads it (n8n-core's LoadOptionsContext).
 */
const {
	runNode,
	loadOptionsContext,
	useSimulator,
	ItniotechVoice,
	TTS_PARAMETERS: TTS,
} = require('../helpers');

const { sim, credentials } = useSimulator();

const GROUP = {
	resource: 'call',
	operation: 'sendGroup',
	callees: '6281234567890,919876543210',
	additionalFields: {},
};
const FILE = { __rl: true, mode: 'list', value: 'f-1.mp3', cachedResultName: 'welcome.mp3' };

describe('App ID: the credential’s Voice App ID, Options → App ID over it', () => {
	test.each([
		['Send Text to Speech', TTS, 1],
		['Send Audio File', { ...GROUP, fileId: FILE }, 1],
	])('%s sends the credential’s Voice App ID', async (_name, parameters, requests) => {
		const result = await runNode({
			parameters: { ...parameters, options: {} },
			credentials: { ...credentials, voiceAppId: 'cred-app' },
		});
		expect(result.error).toBeUndefined();
		expect(sim.sent).toHaveLength(requests);
		expect(sim.sent.every((sent) => sent.body.appId === 'cred-app')).toBe(true);
	});

	test.each([
		['Send Text to Speech', TTS],
		['Send Audio File', { ...GROUP, fileId: FILE }],
	])(
		'%s: Options → App ID wins over the credential’s, and works without one',
		async (_name, parameters) => {
			for (const voiceAppId of ['cred-app', undefined]) {
				sim.reset();
				const result = await runNode({
					parameters: { ...parameters, options: { appId: ' other-app ' } },
					credentials: { ...credentials, voiceAppId },
				});
				expect(result.error).toBeUndefined();
				expect(sim.sent.map((sent) => sent.body.appId)).toEqual(['other-app']);
			}
		},
	);

	test.each([
		['Send Text to Speech', TTS],
		['Send Audio File', { ...GROUP, fileId: FILE }],
	])(
		'%s without any App ID: an error naming where to set it, nothing sent',
		async (_name, parameters) => {
			for (const voiceAppId of [undefined, '', '  ']) {
				sim.reset();
				const result = await runNode({
					parameters: { ...parameters, options: { appId: '' } },
					credentials: { ...credentials, voiceAppId },
				});
				expect(result.error.name).toBe('NodeOperationError');
				expect(result.error.message).toBe('No Voice App ID is set');
				expect(result.error.description).toMatch(
					/^Enter your Voice App ID in the Itniotech credential .*App Management.*, or set Options → App ID in this node\./,
				);
				expect(result.error.description).toMatch(/Nothing was sent/);
				expect(sim.requests).toHaveLength(0);
			}
		},
	);

	test('the App ID field of saved workflows is ignored: only the credential or the option counts', async () => {
		const result = await runNode({
			parameters: { ...TTS, appId: 'old-field', options: {} },
			credentials: { ...credentials, voiceAppId: 'cred-app' },
		});
		expect(result.error).toBeUndefined();
		expect(sim.sent[0].body.appId).toBe('cred-app');
	});
});

describe('Send Audio File → Audio File (a resource locator)', () => {
	test.each([
		['From List', { __rl: true, mode: 'list', value: 'f-1.mp3', cachedResultName: 'welcome.mp3' }],
		['By ID', { __rl: true, mode: 'id', value: ' f-1.mp3 ' }],
		['a plain File ID saved before the field was a resource locator', 'f-1.mp3'],
	])('%s sends the File ID', async (_mode, fileId) => {
		const result = await runNode({
			parameters: { ...GROUP, fileId, options: {} },
			credentials: { ...credentials, voiceAppId: 'a' },
		});
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((sent) => sent.body.fileId)).toEqual(['f-1.mp3']);
	});

	test('an ID from an expression that gives nothing is refused before sending, by the field’s name', async () => {
		const result = await runNode({
			parameters: {
				...GROUP,
				fileId: { __rl: true, mode: 'id', value: '={{ $json.file }}' },
				options: {},
			},
			credentials: { ...credentials, voiceAppId: 'a' },
		});
		expect(result.error.message).toMatch(/^The Audio File in item 0 /);
		expect(sim.requests).toHaveLength(0);
	});
});

/** The editor's list search of Send Audio File's Audio File, as n8n runs it (a LoadOptionsContext). */
async function searchAudioFiles(filter, paginationToken) {
	const nodeType = new ItniotechVoice();
	const parameters = {
		resource: 'call',
		operation: 'sendGroup',
		callees: '',
		fileId: { __rl: true, mode: 'list', value: '' },
	};
	const context = loadOptionsContext({ nodeType, parameters, credentials, propertyName: 'fileId' });
	return await nodeType.methods.listSearch.searchAudioFiles.call(context, filter, paginationToken);
}

describe('Audio File → From List: the account’s files by name, searchable, paged', () => {
	const files = (n) =>
		Array.from({ length: n }, (_, i) => [
			`${i % 3 === 0 ? 'welcome' : 'reminder'}-${i}.mp3`,
			`id-${i}.mp3`,
		]);

	test('an empty account lists nothing, with no next page', async () => {
		expect(await searchAudioFiles()).toEqual({ results: [] });
	});

	test('files by name, valued by File ID; a page of 100 at a time, the token asks for the next', async () => {
		for (const [name, id] of files(230)) sim.files.set(name, id);
		const first = await searchAudioFiles();
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'welcome-0.mp3', value: 'id-0.mp3' });
		expect(first.paginationToken).toBe('2');
		const second = await searchAudioFiles(undefined, first.paginationToken);
		expect(second.results[0]).toEqual({ name: 'reminder-100.mp3', value: 'id-100.mp3' });
		expect(second.paginationToken).toBe('3');
		const third = await searchAudioFiles('', second.paginationToken);
		expect(third.results).toHaveLength(30);
		expect(third.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results, ...third.results];
		expect(all.map((r) => r.value)).toEqual(files(230).map(([, id]) => id));
		const queries = sim.requests.filter((r) => r.path === '/voice/fileQuery');
		expect(queries.map((r) => JSON.parse(r.body)).map((body) => [body.current, body.size])).toEqual(
			[
				[1, 100],
				[2, 100],
				[3, 100],
			],
		);
	});

	test('a filter keeps the files whose name contains it (any case), reading on until a page is full or the list ends', async () => {
		for (const [name, id] of files(230)) sim.files.set(name, id);
		const found = await searchAudioFiles(' WELCOME-1 ');
		// welcome-12, -15, -18 … among 0..229: every third number that starts with 1 once "welcome-1" is in its name.
		const expected = files(230)
			.filter(([name]) => name.includes('welcome-1'))
			.map(([name, value]) => ({ name, value }));
		expect(found).toEqual({ results: expected });
		expect(sim.requests.filter((r) => r.path === '/voice/fileQuery')).toHaveLength(3);
		expect(await searchAudioFiles('nothing-like-this')).toEqual({ results: [] });
	});

	test('a filter matching many files pages too', async () => {
		for (const [name, id] of files(330)) sim.files.set(name, id);
		const first = await searchAudioFiles('reminder');
		expect(first.results.length).toBeGreaterThanOrEqual(100);
		expect(first.results.every((r) => r.name.includes('reminder'))).toBe(true);
		const rest = await searchAudioFiles('reminder', first.paginationToken);
		const names = [...first.results, ...rest.results].map((r) => r.name);
		expect(names).toEqual(
			files(330)
				.filter(([name]) => name.includes('reminder'))
				.map(([name]) => name),
		);
		expect(rest.paginationToken).toBeUndefined();
	});

	test('a vendor error reaches the editor as the node’s advice', async () => {
		sim.inject({ kind: 'status', status: '-2', path: '/voice/fileQuery' });
		await expect(searchAudioFiles()).rejects.toThrow(/^Itniotech error -2:/);
	});
});
