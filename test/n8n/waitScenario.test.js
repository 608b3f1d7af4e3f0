'use strict';
/**
 * Wait for Result in real n8n 2.41.1, the recipe the README gives: "Send Text to Speech (wait) → IF answered →
 * else Send SMS". A Code node gives three contacts as a sheet would; the simulator's calls progress over about a
 * second: the first is answered, the second rings unanswered, the third fails. Checked: the voice node's items
 * carry the final record and outcome, the IF sends only the unanswered two to the SMS node, every call and
 * message went out once, and the wait looked each call up with single Gets. Run it alone, under the machine's
 * real-n8n lock:
 *   flock /tmp/heavy.lock npx jest --maxWorkers=1 test/n8n/waitScenario.test.js
 */
const n8n = require('../../scripts/lib/n8n');
const { useSimulator, useRealN8n } = require('../helpers');
const {
	TRIGGER,
	node,
	manualTrigger,
	rowsNode,
	inLine,
	workflow,
	simulatorCredential,
} = require('../harness/workflows');

jest.setTimeout(300_000);

const CREDENTIAL = { id: 'ItnioWaitScen001', name: 'Itniotech (wait scenario)' };
const CONTACTS = [
	{ name: 'Ana', phone: '447700900101' },
	{ name: 'Budi', phone: '447700900102' },
	{ name: 'Citra', phone: '447700900103' },
];
const OUTCOME_BY_PHONE = {
	447700900101: 'answered',
	447700900102: 'notAnswered',
	447700900103: 'failed',
};

const itniotech = { credentials: { itniotechApi: CREDENTIAL } };

const WORKFLOW = workflow(
	'ScenWaitThenSms1',
	'Wait scenario: call, and if nobody answers, send an SMS',
	[
		manualTrigger(),
		rowsNode('Contacts', CONTACTS),
		node(
			'Call',
			'n8n-nodes-itniotech.itniotechVoice',
			{
				resource: 'call',
				operation: 'sendTts',
				callee: '={{ $json.phone }}',
				language: 'EN',
				text: '=Hello {{ $json.name }}, your parcel arrives today.',
				additionalFields: {},
				options: { waitForResult: true, maxWaitMinutes: 2 },
			},
			2,
			itniotech,
		),
		node(
			'Answered?',
			'n8n-nodes-base.if',
			{
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
					conditions: [
						{
							id: 'outcome-is-answered',
							leftValue: '={{ $json.outcome }}',
							rightValue: 'answered',
							operator: { type: 'string', operation: 'equals' },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
			3,
			{ typeVersion: 2 },
		),
		node('Done', 'n8n-nodes-base.noOp', {}, 4),
		node(
			'Send SMS',
			'n8n-nodes-itniotech.itniotechSms',
			{
				resource: 'message',
				operation: 'send',
				// The call's own output field, as a user maps it (n8n's expressions could not read `callee`).
				numbers: '={{ $json.number }}',
				content: 'Sorry we missed you: your parcel arrives today.',
				additionalFields: {},
				options: {},
			},
			4,
			itniotech,
		),
	],
	{
		...inLine(TRIGGER, 'Contacts', 'Call', 'Answered?'),
		'Answered?': {
			main: [
				[{ node: 'Done', type: 'main', index: 0 }],
				[{ node: 'Send SMS', type: 'main', index: 0 }],
			],
		},
	},
);

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-wait-scenario-', {
	imports: () => ({
		credentials: [
			simulatorCredential(CREDENTIAL, sim, {
				voiceAppId: 'voice-reminders',
				smsAppId: 'sms-reminders',
			}),
		],
		workflows: [WORKFLOW],
	}),
});

const output = (result, nodeName) => n8n.nodeOutput(result, nodeName) ?? [];

test('Send Text to Speech (wait) → IF answered → else Send SMS: only the unanswered get an SMS', async () => {
	// Calls end within about a second, so the wait's first look (after 5 seconds) finds them all over.
	sim.setProgress({
		ringAfterMs: 200,
		answerAfterMs: 400,
		endAfterMs: 1_000,
		callOutcome: ({ callee }) => OUTCOME_BY_PHONE[callee],
	});
	const result = await n8n.runWorkflow(server.baseUrl, session.cookie, WORKFLOW.id, TRIGGER);
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');

	const calls = output(result, 'Call');
	expect(calls.map((c) => [c.number, c.outcome, c.answered, c['#item']])).toEqual([
		['447700900101', 'answered', true, 0],
		['447700900102', 'notAnswered', false, 1],
		['447700900103', 'failed', false, 2],
	]);
	for (const call of calls) {
		expect(call.voiceId).toMatch(/^\d+$/);
		expect(call.hangupTime).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(typeof call.callDuration).toBe('number');
		expect(typeof call.terminationReason).toBe('string');
	}

	expect(output(result, 'Done').map((item) => item.number)).toEqual(['447700900101']);
	const texts = output(result, 'Send SMS');
	expect(texts.map((t) => [t.number, t.submitted])).toEqual([
		['447700900102', true],
		['447700900103', true],
	]);

	// Every call and message once; three open calls are looked up one Get each per poll, no search.
	expect(sim.placedCalls().size).toBe(3);
	expect([...sim.placedCalls().values()].every((ids) => ids.length === 1)).toBe(true);
	expect(sim.sent.filter((s) => s.kind === 'sendSms').flatMap((s) => s.numbers)).toEqual([
		'447700900102',
		'447700900103',
	]);
	const gets = sim.requests.filter((r) => r.path.startsWith('/voice/recordGroup/'));
	expect(gets.length % 3).toBe(0);
	expect(gets.length).toBeGreaterThanOrEqual(3);
	expect(sim.requests.filter((r) => r.path === '/voice/recordGroupQuery')).toEqual([]);
});
