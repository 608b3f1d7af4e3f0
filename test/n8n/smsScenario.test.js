'use strict';
/**
 * Issue #17 in real n8n 2.41.1: "Send SMS from a sheet's rows, then Get Delivery Report for them". A Code node
 * gives 250 rows as a sheet would, Itniotech SMS → Send SMS sends each row its text, Itniotech SMS → Get
 * Delivery Report reads the reports of all of them. Checked: every node's output (one item per number with its
 * msgId; one report per item with pairedItem and a typed status) and the simulator's request count (250 sends,
 * each once; 2 report requests, not 250). Run it alone, under the machine's real-n8n lock:
 *   flock /tmp/real-n8n.lock npx jest --maxWorkers=1 test/n8n/smsScenario.test.js
 */
const n8n = require('../../scripts/lib/n8n');
const { smsState } = require('../../simulator/sms');
const { useSimulator, useRealN8n } = require('../helpers');
const {
	TRIGGER,
	manualTrigger,
	rowsNode,
	itniotechNode,
	inLine,
	workflow,
	simulatorCredential,
} = require('../harness/workflows');

jest.setTimeout(300_000);

const CREDENTIAL = { id: 'ItnioSmsScen0001', name: 'Itniotech (SMS scenario)' };
const ROWS = Array.from({ length: 250 }, (_, i) => ({
	name: `Person ${i}`,
	phone: `+62 812 ${String(3400000 + i)}`,
}));
const DIGITS = ROWS.map((row) => row.phone.replace(/\D/g, ''));
const sms = itniotechNode('sms', CREDENTIAL);

const WORKFLOW = workflow(
	'ScenSmsSheetRows',
	'SMS scenario: sheet rows → Send SMS → Get Delivery Report',
	[
		manualTrigger(),
		rowsNode('Sheet rows', ROWS),
		sms(
			'Send SMS',
			{
				resource: 'message',
				operation: 'send',
				numbers: '={{ $json.phone }}',
				content: '=Hi {{ $json.name }}, see you tomorrow at 9.',
				additionalFields: {},
			},
			2,
		),
		sms(
			'Get Delivery Report',
			{ resource: 'message', operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			3,
		),
	],
	inLine(TRIGGER, 'Sheet rows', 'Send SMS', 'Get Delivery Report'),
);

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-sms-scenario-', {
	imports: () => ({
		credentials: [simulatorCredential(CREDENTIAL, sim, { smsAppId: 'sms-reminders' })],
		workflows: [WORKFLOW],
	}),
});

/** Runs a workflow as the editor's "Execute workflow" does; returns its status, error and per-node outputs. */
const run = (workflowId) => n8n.runWorkflow(server.baseUrl, session.cookie, workflowId, TRIGGER);

const output = (result, nodeName) => n8n.nodeOutput(result, nodeName) ?? [];

test("Send SMS from a sheet's rows, then Get Delivery Report for them: 250 sends once each, 2 report requests", async () => {
	// Every fifth message failed, every seventh is still on its way.
	const state = smsState(sim);
	state.reportStatus = (message) => {
		const row = DIGITS.indexOf(message.number);
		return row % 5 === 0 ? '1' : row % 7 === 0 ? '-1' : '0';
	};
	const result = await run(WORKFLOW.id);
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');

	const sent = output(result, 'Send SMS');
	expect(sent.map((row) => [row.number, row.submitted, row['#item']])).toEqual(
		DIGITS.map((number, i) => [number, true, i]),
	);
	const msgIdOf = new Map([...state.messages.values()].map((m) => [m.number, m.msgId]));
	expect(sent.map((row) => row.msgId)).toEqual(DIGITS.map((number) => msgIdOf.get(number)));
	expect([...state.messages.values()].find((m) => m.number === DIGITS[3]).content).toBe(
		'Hi Person 3, see you tomorrow at 9.',
	);

	const reports = output(result, 'Get Delivery Report');
	expect(reports).toHaveLength(250);
	reports.forEach((report, i) => {
		expect(report['#item']).toBe(i);
		expect(report.msgId).toBe(sent[i].msgId);
		expect(report.number).toBe(DIGITS[i]);
		expect(report.status).toBe(i % 5 === 0 ? 'failed' : i % 7 === 0 ? 'sending' : 'delivered');
		expect(report.reportTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
	});

	const sends = sim.requests.filter((r) => r.path === '/sms/sendSms');
	const reads = sim.requests.filter((r) => r.path === '/sms/getReport');
	expect(sends).toHaveLength(250);
	expect(sim.sent.flatMap((s) => s.numbers).sort()).toEqual([...DIGITS].sort());
	// The SMS App ID comes from the credential: the nodes have no App ID field.
	expect(new Set(sim.sent.map((s) => s.appId))).toEqual(new Set(['sms-reminders']));
	// The two requests run concurrently (Batching), so they may arrive in either order.
	expect(reads.map((r) => r.msgIds.length).sort((a, b) => b - a)).toEqual([200, 50]);
	expect(new Set(reads.flatMap((r) => r.msgIds))).toEqual(new Set(sent.map((row) => row.msgId)));
	expect(sim.requests).toHaveLength(252);
});
