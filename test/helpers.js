'use strict';
/**
 * The one place suites take their setup from: time constants, the shared test data, node stubs and a fake
 * execution context for unit tests, signed requests and pushes made by hand, the evidence for the secret
 * scan, and (loaded on first use) the engine runner, the simulator fixture, the trigger's webhook server,
 * real n8n with its import step, and the built node types.
 *
 *   const { runNode, useSimulator, DAY } = require('../helpers');
 *   const { sim, credentials } = useSimulator();
 *
 * The engine pieces load n8n-core, which takes seconds; they are getters, so a suite that asks only for
 * constants, stubs or the fake context never loads it.
 */
const http = require('node:http');
const path = require('node:path');
const fixtures = require('./fixtures');
const { EXAMPLE_RECORD } = require('../simulator/records');
const { md5 } = require('../simulator/server');
const { vendorTime } = require('../simulator/sms');
const { EVIDENCE_DIR, append, visibleRunText } = require('./evidence');

/** The package's root folder. */
const ROOT = path.resolve(__dirname, '..');

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function deepFreeze(value) {
	for (const inner of Object.values(value))
		if (inner && typeof inner === 'object') deepFreeze(inner);
	return Object.freeze(value);
}

/** What `getNode()` returns in unit tests: a node as a workflow holds it, with no credential attached. */
function nodeStub(name, type) {
	return deepFreeze({ id: '1', name, type, typeVersion: 1, position: [0, 0], parameters: {} });
}
const voiceNodeStub = nodeStub('Itniotech Voice', 'n8n-nodes-itniotech.itniotechVoice');
const smsNodeStub = nodeStub('Itniotech SMS', 'n8n-nodes-itniotech.itniotechSms');

/** The credential a fake context hands out by default: the Itniotech platform at its default address. */
const FAKE_CREDENTIAL = deepFreeze({
	apiKey: 'key',
	apiSecret: 'secret',
	baseUrl: 'https://api.itniotech.com',
});

/** An answer of n8n's HTTP helper with `returnFullResponse`: the status and the body as text. */
function httpAnswer(body, statusCode = 200) {
	return { statusCode, headers: {}, body };
}

/** The vendor's success envelope around `data`, as the HTTP helper hands it over. */
function vendorAnswer(data, statusCode = 200) {
	return httpAnswer(JSON.stringify({ status: '0', data }), statusCode);
}

function valueAt(object, dottedPath) {
	return dottedPath
		.split('.')
		.reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/**
 * A fake execution context: what the transport, the runner's Run and the operations use of IExecuteFunctions.
 * - `getNode()` is `node`; `getTimezone()` is `timezone`; `getNodeParameter(name, i, fallback)` reads
 *   `parameters` (dotted paths such as 'options.maxAttempts'), giving the fallback for what is not there.
 * - `getCredentials(type, itemIndex)` returns a copy of `credentials` and records the read in `credentialReads`.
 * - `helpers.httpRequestWithAuthentication(type, options, additional)` records `{ type, options, additional }`
 *   in `calls` and answers with `answer`: a function of the request options (its return value, or promise, is
 *   the answer), an Error (the request fails with it) or anything else (the answer itself).
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
			httpRequestWithAuthentication: async (type, options, additional) => {
				calls.push({ type, options, additional });
				if (typeof answer === 'function') return await answer(options);
				if (answer instanceof Error) throw answer;
				return answer;
			},
		},
	};
}

/** How a credential in real n8n points at the simulator: n8n keeps a Base URL for Other Brand only. */
const SIMULATOR_PLATFORM = Object.freeze({ platform: 'other', pathLayout: 'itniotech' });

/** Headers the simulator accepts as the vendor would, for requests a test makes by hand. */
function signedHeaders({
	apiKey = fixtures.ACCOUNT.apiKey,
	apiSecret = fixtures.ACCOUNT.apiSecret,
	nowMs = Date.now(),
} = {}) {
	const timestamp = String(Math.floor(nowMs / 1000));
	return {
		'Content-Type': 'application/json;charset=UTF-8',
		'Api-Key': apiKey,
		Timestamp: timestamp,
		Sign: md5(`${apiKey}${apiSecret}${timestamp}`),
	};
}

/**
 * POSTs a push (an object or array is sent as JSON, a string or Buffer as it is) and returns the status with
 * the answer: parsed JSON, or the text where it is not JSON.
 */
async function postPush(url, body, contentType = 'application/json', headers = {}) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': contentType, ...headers },
		body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
	});
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) };
	} catch {
		return { status: response.status, body: text };
	}
}

/** The refusal a push typer throws (a PushFieldError), as { field, message }. */
function pushRefusal(type) {
	const { PushFieldError } = require('../dist/nodes/Itniotech/api/records/pushFields');
	try {
		type();
	} catch (error) {
		expect(error).toBeInstanceOf(PushFieldError);
		return { field: error.field, message: error.message };
	}
	throw new Error('not refused');
}

/**
 * The server a redirect points to, for checks that nothing reaches it: it records every request it receives in
 * `received` (emptied before each test) and answers 200 with `answerBody`, as the vendor would. Registers the
 * jest hooks; `origin` is filled in by beforeAll.
 */
function useRedirectTarget(answerBody) {
	const target = { received: [], server: undefined, origin: '' };
	beforeAll(async () => {
		target.server = http.createServer((req, res) => {
			target.received.push({ method: req.method, url: req.url, headers: req.headers });
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(answerBody);
		});
		await new Promise((resolve) => target.server.listen(0, '127.0.0.1', resolve));
		target.origin = `http://127.0.0.1:${target.server.address().port}`;
	});
	afterAll(async () => new Promise((resolve) => target.server.close(resolve)));
	beforeEach(() => (target.received = []));
	return target;
}

module.exports = {
	SIMULATOR_PLATFORM,
	ROOT,
	MINUTE,
	HOUR,
	DAY,
	...fixtures,
	EXAMPLE_RECORD,
	vendorTime,
	md5,
	signedHeaders,
	postPush,
	useRedirectTarget,
	pushRefusal,
	EVIDENCE_DIR,
	append,
	visibleRunText,
	voiceNodeStub,
	smsNodeStub,
	FAKE_CREDENTIAL,
	httpAnswer,
	vendorAnswer,
	fakeContext,
};

/** Exports read from `load()` when first asked for. */
function lazy(names, load) {
	for (const name of names)
		Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
}
lazy(['loggedText'], () => require('./harness/recordingLogger'));
lazy(['runNode', 'loadOptionsContext'], () => require('./harness/engine'));
lazy(['useSimulator', 'startSimulator'], () => require('./harness/simulatorFixture'));
lazy(['TRIGGERS', 'startTrigger', 'triggerWorkflow', 'useTriggers'], () =>
	require('./harness/webhook'),
);
lazy(['useRealN8n', 'importIntoN8n', 'N8N_VERSION'], () => require('./harness/realN8n'));
lazy(['ItniotechVoice'], () => require('../dist/nodes/Itniotech/Voice/ItniotechVoice.node.js'));
lazy(['ItniotechSms'], () => require('../dist/nodes/Itniotech/Sms/ItniotechSms.node.js'));
lazy(['ItniotechVerify'], () => require('../dist/nodes/Itniotech/Verify/ItniotechVerify.node.js'));
lazy(['ItniotechVoiceTrigger'], () =>
	require('../dist/nodes/Itniotech/VoiceTrigger/ItniotechVoiceTrigger.node.js'),
);
lazy(['ItniotechApi'], () => require('../dist/credentials/ItniotechApi.credentials.js'));
