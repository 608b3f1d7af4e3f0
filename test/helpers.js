'use strict';
/**
 * The one place suites take their setup from: time constants, the shared test data, node stubs and a fake
 * execution context for unit tests, the evidence for the secret scan, and (loaded on first use) the engine
 * runner, the simulator fixture and the built node types.
 *
 *   const { runNode, useSimulator, DAY } = require('../helpers');
 *   const { sim, credentials } = useSimulator();
 *
 * The engine pieces load n8n-core, which takes seconds; they are getters, so a unit suite that asks only for
 * constants, stubs or the fake context never loads it.
 */
const { ACCOUNT, TEST_SECRETS, TYPED_EXAMPLE_RECORD, getRecordParameters } = require('./fixtures');
const { EXAMPLE_RECORD } = require('../simulator/records');
const { md5 } = require('../simulator/server');
const { vendorTime } = require('../simulator/sms');
const { append, visibleRunText } = require('./evidence');
const { loggedText } = require('./harness/recordingLogger');

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function deepFreeze(value) {
	for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
	return Object.freeze(value);
}

/** What `getNode()` returns in unit tests: the nodes as a workflow holds them, with no credential attached. */
const voiceNodeStub = deepFreeze({
	id: '1',
	name: 'Itniotech Voice',
	type: 'n8n-nodes-itniotech.itniotechVoice',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});
const smsNodeStub = deepFreeze({
	id: '1',
	name: 'Itniotech SMS',
	type: 'n8n-nodes-itniotech.itniotechSms',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** The credential a fake context hands out: the Itniotech platform at its default address. */
const FAKE_CREDENTIAL = deepFreeze({ apiKey: 'key', apiSecret: 'secret', baseUrl: 'https://api.itniotech.com' });

/** An answer of n8n's HTTP helper with `returnFullResponse`: the status and the body as text. */
function httpAnswer(body, statusCode = 200) {
	return { statusCode, headers: {}, body };
}

/** The vendor's success envelope around `data`, as the HTTP helper hands it over. */
function vendorAnswer(data, statusCode = 200) {
	return httpAnswer(JSON.stringify({ status: '0', data }), statusCode);
}

function valueAt(object, dottedPath) {
	return dottedPath.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/**
 * A fake execution context: what the transport, the runner's Run and the operations use of IExecuteFunctions.
 * - `getNode()` is `node`; `getTimezone()` is `timezone`; `getNodeParameter(name, i, fallback)` reads `parameters`
 *   (dotted paths such as 'options.maxAttempts'), giving the fallback for what is not there.
 * - `getCredentials(type, itemIndex)` returns a copy of `credentials` and records the read in `credentialReads`.
 * - `helpers.httpRequestWithAuthentication(type, options, additional)` records `{ type, options, additional }` in
 *   `calls` and answers with `answer`: a function of the request options (its return value, or promise, is the
 *   answer), an Error (the request fails with it) or anything else (the answer itself). Without one it fails.
 * - `helpers` adds other helpers (binary data, for instance).
 * Every part stays a plain property, so a test can replace one for a case of its own.
 */
function fakeContext({
	node = voiceNodeStub,
	parameters = {},
	credentials = FAKE_CREDENTIAL,
	answer = new Error('this fake context was given no answer for requests'),
	timezone = 'UTC',
	helpers = {},
} = {}) {
	const calls = [];
	const credentialReads = [];
	return {
		calls,
		credentialReads,
		getNode: () => node,
		getTimezone: () => timezone,
		getNodeParameter: (name, _itemIndex, fallback) => {
			const value = valueAt(parameters, name);
			return value === undefined ? fallback : value;
		},
		getCredentials: async (type, itemIndex) => {
			credentialReads.push({ type, itemIndex });
			return { ...credentials };
		},
		helpers: {
			...helpers,
			httpRequestWithAuthentication: (type, options, additional) => {
				calls.push({ type, options, additional });
				if (typeof answer === 'function') return answer(options);
				return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
			},
		},
	};
}

/** Headers the simulator accepts as the vendor would, for requests a test makes by hand. */
function signedHeaders({ secret = ACCOUNT.apiSecret, nowMs = Date.now() } = {}) {
	const timestamp = String(Math.floor(nowMs / 1000));
	return {
		'Content-Type': 'application/json;charset=UTF-8',
		'Api-Key': ACCOUNT.apiKey,
		Timestamp: timestamp,
		Sign: md5(`${ACCOUNT.apiKey}${secret}${timestamp}`),
	};
}

module.exports = {
	MINUTE,
	HOUR,
	DAY,
	ACCOUNT,
	TEST_SECRETS,
	EXAMPLE_RECORD,
	TYPED_EXAMPLE_RECORD,
	getRecordParameters,
	vendorTime,
	md5,
	signedHeaders,
	append,
	visibleRunText,
	loggedText,
	voiceNodeStub,
	smsNodeStub,
	FAKE_CREDENTIAL,
	httpAnswer,
	vendorAnswer,
	fakeContext,
};

/** Exports read from `load()` when first asked for. */
function lazy(names, load) {
	for (const name of names) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
}
lazy(['runNode'], () => require('./harness/engine'));
lazy(['useSimulator', 'startSimulator'], () => require('./harness/simulatorFixture'));
lazy(['ItniotechVoice'], () => require('../dist/nodes/Itniotech/Voice/ItniotechVoice.node.js'));
lazy(['ItniotechSms'], () => require('../dist/nodes/Itniotech/Sms/ItniotechSms.node.js'));
