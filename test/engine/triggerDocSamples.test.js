'use strict';
// docs/trigger.md "Sample pushes to try": each curl body there, sent to its trigger with a token in the query,
// is accepted as one item of that event, so a user copying them sees what the docs promise.
const fs = require('node:fs');
const path = require('node:path');
const { useTriggers, postPush } = require('../helpers');

const startTrigger = useTriggers();
const TOKEN = 'docs-sample-token-0123456789';

/** The JSON bodies of the section's curl commands, in order: call status, SMS delivery, inbound SMS. */
function sampleBodies() {
	const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/trigger.md'), 'utf8');
	const section = doc.split('## Sample pushes to try')[1].split('\n## ')[0];
	return [...section.matchAll(/ -d '([^']*)'/g)].map((match) => JSON.parse(match[1]));
}

describe('the sample pushes in docs/trigger.md', () => {
	const [callStatus, delivery, inbound] = sampleBodies();

	test('there is one sample per event', () => {
		expect(sampleBodies()).toHaveLength(3);
	});

	test.each([
		[
			'call status report',
			{},
			() => callStatus,
			{ voiceId: '2203031113381000002', answered: true },
		],
		[
			'SMS delivery report',
			{ event: 'smsDelivery' },
			() => delivery,
			{ msgId: '2405131020451000017', status: 'delivered' },
		],
		[
			'inbound SMS',
			{ event: 'smsInbound' },
			() => inbound,
			{ number: '6281234567001', content: 'STOP', receiveTime: '2024-05-13T02:25:40.000Z' },
		],
	])('the %s sample starts one execution with one typed item', async (_, event, body, expected) => {
		const trigger = await startTrigger({ ...event, authentication: 'queryToken', token: TOKEN });
		const answer = await postPush(`${trigger.baseUrl}?token=${TOKEN}`, body());
		expect(answer).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect(trigger.starts).toHaveLength(1);
		expect(trigger.starts[0]).toHaveLength(1);
		expect(trigger.starts[0][0].json).toMatchObject(expected);
	});
});
