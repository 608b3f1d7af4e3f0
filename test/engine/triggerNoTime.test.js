'use strict';
/**
 * Status reports whose answer time says "none" the vendor's various ways ("null", "0", the MySQL zero date,
 * empty, null) are unanswered calls (issue #14): the trigger's Only Unanswered filter must start the
 * workflow for them, with the time as null. Real HTTP pushes into the trigger's webhook() (n8n-core).
 */
const { useTriggers, postPush } = require('../helpers');

const startTrigger = useTriggers();

const REPORT = {
	type: 1,
	callee: '91856321412',
	submitTime: 1642488160000,
	callTime: 1642488165000,
	ringingTime: 1642488167000,
	hangupTime: 1642488175000,
	callDuration: 0,
	chargedDuration: 0,
	terminationCode: '480',
	terminationReason: 'no answer',
};
const NO_ANSWER_TIMES = ['null', '0', '0000-00-00 00:00:00', '', null, 0];
const NOT_ANSWERED = NO_ANSWER_TIMES.map((answerTime, i) => ({
	...REPORT,
	voiceId: `22030311133810001${i}`,
	answerTime,
}));
const ANSWERED = {
	...REPORT,
	voiceId: '2203031113381000099',
	answerTime: '2022-01-18 14:42:50',
	callDuration: '5',
};

const params = (answered) => ({
	authentication: 'none',
	reportTypes: [],
	answered,
});

let trigger;
const push = (body) => postPush(trigger.baseUrl, body);

test('Only Unanswered Calls starts the workflow for every "no time" spelling, with answerTime null', async () => {
	trigger = await startTrigger(params('notAnswered'));
	const response = await push([...NOT_ANSWERED, ANSWERED]);
	expect(response).toEqual({
		status: 200,
		body: { received: NOT_ANSWERED.length + 1, accepted: NOT_ANSWERED.length },
	});
	const items = trigger.starts[0].map((item) => item.json);
	expect(items.map((json) => json.voiceId)).toEqual(NOT_ANSWERED.map((report) => report.voiceId));
	for (const json of items) expect(json.answerTime).toBeNull();
});

test('Only Answered Calls leaves them out; an answer time without an offset is read in +08:00', async () => {
	trigger = await startTrigger(params('answered'));
	const response = await push([...NOT_ANSWERED, ANSWERED]);
	expect(response.body).toEqual({ received: NOT_ANSWERED.length + 1, accepted: 1 });
	const [item] = trigger.starts[0];
	expect(item.json.voiceId).toBe(ANSWERED.voiceId);
	expect(item.json.answerTime).toBe('2022-01-18T14:42:50+08:00');
});
