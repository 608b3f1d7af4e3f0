'use strict';
/**
 * Campaigns in real n8n 2.41.1: "Google Sheets rows (name, phone) → Create Campaign with `Hello ${text1}` → Get
 * progress". A Code node gives 500 rows as a sheet would; Itniotech Voice → Campaign → Create puts them all into
 * one campaign, each number with its name as text1; Campaign → Get reads the campaign's progress. Checked: each
 * node's output (one Create item paired with every row; Get's counts as numbers and status in words) and the
 * simulator's requests (one create, one detail; nothing else). Run it alone, under the machine's lock:
 *   flock /tmp/heavy.lock npx jest --maxWorkers=1 test/n8n/campaignScenario.test.js
 */
const n8n = require('../../scripts/lib/n8n');
const { taskState } = require('../../simulator/tasks');
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

const CREDENTIAL = { id: 'ItnioCampScen001', name: 'Itniotech (campaign scenario)' };
const ROWS = Array.from({ length: 500 }, (_, i) => ({
	name: `Person ${i}`,
	phone: `+44 7700 ${String(900000 + i)}`,
}));
const DIGITS = ROWS.map((row) => row.phone.replace(/\D/g, ''));
const voice = itniotechNode('voice', CREDENTIAL);

const WORKFLOW = workflow(
	'ScenCampaignRows',
	'Campaign scenario: sheet rows → Create Campaign → Get progress',
	[
		manualTrigger(),
		rowsNode('Sheet rows', ROWS),
		// Fields left at their defaults where the user would: Phone Number reads {{ $json.phone }}.
		voice(
			'Create Campaign',
			{
				resource: 'campaign',
				operation: 'create',
				text: 'Hello ${text1}, see you tomorrow at nine.',
				campaignName: 'Scenario reminders',
				personalTexts: { text1: '={{ $json.name }}' },
				additionalFields: {},
			},
			2,
		),
		voice('Get Progress', { resource: 'campaign', operation: 'get' }, 3),
	],
	inLine(TRIGGER, 'Sheet rows', 'Create Campaign', 'Get Progress'),
);

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-campaign-scenario-', {
	imports: () => ({
		credentials: [simulatorCredential(CREDENTIAL, sim, { voiceAppId: 'voice-reminders' })],
		workflows: [WORKFLOW],
	}),
});

const run = (workflowId) => n8n.runWorkflow(server.baseUrl, session.cookie, workflowId, TRIGGER);
const output = (result, nodeName) => n8n.nodeOutput(result, nodeName) ?? [];

test('500 sheet rows → one campaign with each name as text1 → its progress as numbers', async () => {
	const result = await run(WORKFLOW.id);
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');

	const [job] = taskState(sim).list;
	expect(taskState(sim).list).toHaveLength(1);
	const created = output(result, 'Create Campaign');
	expect(created).toHaveLength(1);
	expect(created[0]).toMatchObject({
		campaignId: String(job.jobId),
		name: 'Scenario reminders',
		numberCount: 500,
		part: 1,
		parts: 1,
	});
	expect(job.numbers.map((n) => [n.number, n.texts.text1])).toEqual(
		DIGITS.map((number, i) => [number, `Person ${i}`]),
	);
	expect(job.body).toMatchObject({
		appId: 'voice-reminders',
		source: 3,
		text: 'Hello ${text1}, see you tomorrow at nine.',
		lan: 'EN',
	});

	const [progress] = output(result, 'Get Progress');
	// Without the progress clock the simulator's task is done at once, every third number unanswered.
	expect(progress).toMatchObject({
		campaignId: String(job.jobId),
		status: 'completed',
		finished: true,
		numberCount: 500,
		callsMade: 500,
		answered: 334,
		failed: 166,
		answerRate: 66.8,
	});

	expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
		['POST', '/voice/group/call/send'],
		['GET', `/voice/group/call/detail/${job.jobId}`],
	]);
});
