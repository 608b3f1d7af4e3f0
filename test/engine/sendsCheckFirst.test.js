'use strict';
/**
 * Sends check every item's input before the first request: a bad item among good ones stops the run with
 * nobody called or messaged (On Error → Stop), or becomes an error item while the good ones are sent
 * (On Error → Continue). Found by a new user: item 0 was called before item 1's bad number stopped the run.
 */
const { runNode, useSimulator, ItniotechSms } = require('../helpers');

// Sends read the App ID from the credential's Voice App ID.
const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'app-1' } });

const items = (values) => values.map((phone) => ({ json: { phone } }));
const GOOD_BAD_GOOD = ['6281234567890', '12', '6281234567892'];

const sends = {
	'Send Text to Speech': {
		parameters: {
			resource: 'call',
			operation: 'sendTts',
			callee: '={{ $json.phone }}',
			language: 'EN',
			text: 'Hi',
			additionalFields: {},
			options: {},
		},
		field: /Phone Number in item 1/,
	},
	'Send Audio File': {
		parameters: {
			resource: 'call',
			operation: 'sendGroup',
			callees: '={{ $json.phone }}',
			fileId: 'file-1.mp3',
			additionalFields: {},
			options: {},
		},
		field: /Phone Numbers in item 1/,
	},
	'Send (SMS)': {
		parameters: {
			resource: 'message',
			operation: 'send',
			numbers: '={{ $json.phone }}',
			content: 'Hi',
			additionalFields: {},
			options: {},
		},
		field: /item 1/,
		nodeType: () => new ItniotechSms(),
		// The SMS App ID comes from the credential.
		credentialsOf: (account) => ({ ...account, smsAppId: 'sms-app' }),
	},
};

describe.each(Object.entries(sends))(
	'%s',
	(_name, { parameters, field, nodeType, credentialsOf }) => {
		const run = (extra) =>
			runNode({
				parameters,
				items: items(GOOD_BAD_GOOD),
				credentials: credentialsOf?.(credentials) ?? credentials,
				nodeType: nodeType?.(),
				...extra,
			});

		test('On Error → Stop: a bad item 1 stops the run before any request', async () => {
			const result = await run({ parameters: { ...parameters, options: { concurrency: 5 } } });
			expect(result.error.message).toMatch(field);
			expect(result.error.description).toMatch(
				/Nothing was sent: every item is checked before the first request/,
			);
			expect(sim.requests).toHaveLength(0);
		});

		test('On Error → Continue: the good items are sent, the bad one is an error item at its position', async () => {
			const result = await run({ continueOnFail: true });
			expect(result.error).toBeUndefined();
			const byItem = (i) => result.items.filter((item) => item.pairedItem.item === i);
			expect(byItem(1).map((item) => item.json.error)).toEqual([expect.stringMatching(field)]);
			expect(byItem(0).every((item) => item.json.error === undefined)).toBe(true);
			expect(byItem(2).every((item) => item.json.error === undefined)).toBe(true);
			expect(sim.requests.map((r) => r.body).join('\n')).not.toMatch(/"12"|[,"]12[,"]/);
			expect(sim.requests).toHaveLength(2);
		});
	},
);
