'use strict';
/**
 * Serves a built Itniotech trigger (Voice Trigger, or SMS Trigger for an SMS event) over real HTTP on 127.0.0.1 the way n8n 2.41.1's webhook server
 * serves a typeVersion-1 webhook node, and records every workflow start it asks for.
 *
 * The request is prepared as n8n prepares it before the node runs (packages/cli: middlewares/body-parser.ts
 * rawBodyReader + parseBody, called from webhooks/webhook-helpers.ts parseRequestBody):
 * - Content-Type is split into a lower-cased media type and a charset (default utf-8); the body is
 *   un-gzipped/inflated, read up to N8N_PAYLOAD_SIZE_MAX MB (default 16) and kept as req.rawBody.
 * - A non-empty body is parsed only for application/json (JSON), text/plain (a string),
 *   application/x-www-form-urlencoded (an object of fields) and .../xml or ...+xml (xml2js); any other type,
 *   and an empty body, leaves req.body undefined.
 * - n8n answers before the node runs: 422 {code: 422, message: 'Failed to parse request body', hint} when
 *   that parse fails, and 500 {code: 0, message: 'There was a problem executing the workflow'} for a body
 *   over the limit (raw-body's PayloadTooLargeError is not one of n8n's response errors).
 * - multipart/form-data goes to formidable instead: req.body = { data: fields, files }, no rawBody
 *   (files are not kept here).
 * Query parameters are parsed like Express' extended parser for flat keys (a repeated key becomes an array).
 * test/n8n/triggerWebhook.test.js sends the same kinds of pushes to real n8n.
 */
const http = require('node:http');
const path = require('node:path');
const querystring = require('node:querystring');
const zlib = require('node:zlib');
const { HookContext, WebhookContext } = require('n8n-core');
const { Workflow, jsonParse, sanitizeXmlName } = require('n8n-workflow');
const { Parser } = require('xml2js');
const { NodeTypes, additionalDataFor } = require('./engine');

const DIST = path.resolve(__dirname, '../../dist/nodes/Itniotech');
const { ItniotechVoiceTrigger } = require(`${DIST}/VoiceTrigger/ItniotechVoiceTrigger.node.js`);
const { ItniotechSmsTrigger } = require(`${DIST}/SmsTrigger/ItniotechSmsTrigger.node.js`);
const TRIGGERS = {
	voice: { Type: ItniotechVoiceTrigger, type: 'n8n-nodes-itniotech.itniotechVoiceTrigger' },
	sms: { Type: ItniotechSmsTrigger, type: 'n8n-nodes-itniotech.itniotechSmsTrigger' },
};
/** The trigger that serves `parameters`: the SMS Trigger has the Event field, the Voice Trigger none. */
const triggerFor = (parameters) => ('event' in parameters ? TRIGGERS.sms : TRIGGERS.voice);
const DEFAULT_PAYLOAD_SIZE_MAX_MB = 16;

const xmlParser = new Parser({
	async: true,
	normalize: true,
	normalizeTags: true,
	explicitArray: false,
	tagNameProcessors: [sanitizeXmlName],
	attrNameProcessors: [sanitizeXmlName],
});

function expressLike(res) {
	res.status = (code) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body) => {
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify(body));
		return res;
	};
	return res;
}

/** What n8n's parseIncomingMessage makes of the Content-Type header. */
function parseContentType(header) {
	if (!header) return {};
	const [type, ...parameters] = header.split(';');
	const charset = parameters
		.map((p) => p.split('='))
		.find(([key]) => key.trim().toLowerCase() === 'charset')?.[1]
		?.trim()
		.replace(/^"|"$/g, '');
	return { contentType: type.toLowerCase(), encoding: (charset ?? 'utf-8').toLowerCase() };
}

/** Reads the whole request; `tooLarge` once the (decoded) body passed the limit. The rest is drained. */
async function readBody(req, limitBytes) {
	let stream = req;
	if (req.headers['content-encoding'] === 'gzip') stream = req.pipe(zlib.createGunzip());
	else if (req.headers['content-encoding'] === 'deflate') stream = req.pipe(zlib.createInflate());
	const chunks = [];
	let size = 0;
	for await (const chunk of stream) {
		size += chunk.length;
		if (size <= limitBytes) chunks.push(chunk);
	}
	return { rawBody: Buffer.concat(chunks), tooLarge: size > limitBytes };
}

function queryOf(url) {
	const query = {};
	for (const [key, value] of url.searchParams) {
		if (!(key in query)) query[key] = value;
		else query[key] = [].concat(query[key], value);
	}
	return query;
}

const stripBom = (text) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** n8n's parseBody for a non-empty body; throws what n8n would wrap into its 422. */
async function parseBody(rawBody, contentType, encoding) {
	if (contentType === 'application/json') return jsonParse(stripBom(rawBody.toString(encoding)));
	if (contentType?.endsWith('/xml') || contentType?.endsWith('+xml')) {
		return await xmlParser.parseStringPromise(rawBody.toString(encoding));
	}
	if (contentType === 'application/x-www-form-urlencoded') {
		return querystring.parse(stripBom(rawBody.toString(encoding)), undefined, undefined, {
			maxKeys: 1000,
		});
	}
	if (contentType === 'text/plain') return rawBody.toString(encoding);
	return undefined;
}

/**
 * Prepares `req` as n8n does; returns the answer n8n gives instead of running the node, if any.
 * @returns {Promise<{ status: number, body: object } | undefined>}
 */
async function prepareRequest(req, payloadSizeMaxMb) {
	const { contentType, encoding } = parseContentType(req.headers['content-type']);
	if (contentType === 'multipart/form-data') {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const form = await new Response(Buffer.concat(chunks), {
			headers: { 'content-type': req.headers['content-type'] },
		}).formData();
		const data = {};
		for (const [key, value] of form)
			if (typeof value === 'string') data[key] = key in data ? [].concat(data[key], value) : value;
		req.body = { data, files: {} };
		return undefined;
	}
	const { rawBody, tooLarge } = await readBody(req, payloadSizeMaxMb * 1024 * 1024);
	if (tooLarge)
		return {
			status: 500,
			body: { code: 0, message: 'There was a problem executing the workflow' },
		};
	req.rawBody = rawBody;
	if (rawBody.length === 0) return undefined;
	try {
		req.body = await parseBody(rawBody, contentType, encoding);
	} catch (error) {
		return {
			status: 422,
			body: { code: 422, message: 'Failed to parse request body', hint: error.message },
		};
	}
	return undefined;
}

/**
 * What n8n's WebhookService.createWebhookIfNotExists runs when a workflow is activated: checkExists, then
 * create when it answered false. Whatever they throw, n8n shows as the activation error.
 */
async function activate(trigger, workflow, node) {
	const context = new HookContext(
		workflow,
		node,
		additionalDataFor('activate'),
		'trigger',
		'activate',
	);
	const methods = trigger.webhookMethods.default;
	if (!(await methods.checkExists.call(context))) await methods.create.call(context);
}

/**
 * The trigger in a workflow of its own, as n8n loads a saved one (default parameters filled in):
 * `{ trigger, node, workflow }`; `which` ('voice' or 'sms') picks the trigger, else the parameters do (an `event`:
 * the SMS Trigger).
 */
function triggerWorkflow(parameters, { name, which } = {}) {
	const { Type, type } = which === undefined ? triggerFor(parameters) : TRIGGERS[which];
	const trigger = new Type();
	const node = {
		id: 'trigger-1',
		name: name ?? trigger.description.defaults.name,
		type,
		typeVersion: trigger.description.version,
		position: [0, 0],
		parameters,
		webhookId: 'b0c1d2e3-0000-4000-8000-000000000001',
	};
	const workflow = new Workflow({
		id: 'trigger-test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new NodeTypes({ [type]: trigger }),
	});
	return { trigger, node, workflow };
}

/**
 * Activates the trigger (rejecting with the activation error n8n would show) and serves it.
 * @param {object} parameters the trigger node's parameters (with an `event`: the SMS Trigger's)
 * @param {{ payloadSizeMaxMb?: number, host?: string }} [options] N8N_PAYLOAD_SIZE_MAX as n8n would have it;
 *   the address to listen on
 */
async function startTrigger(
	parameters,
	{ payloadSizeMaxMb = DEFAULT_PAYLOAD_SIZE_MAX_MB, host = '127.0.0.1' } = {},
) {
	const { trigger, node, workflow } = triggerWorkflow(parameters);
	await activate(trigger, workflow, node);
	const starts = [];
	const server = http.createServer(async (req, res) => {
		expressLike(res);
		const refused = await prepareRequest(req, payloadSizeMaxMb);
		if (refused) {
			res.status(refused.status).json(refused.body);
			return;
		}
		const url = new URL(req.url, 'http://127.0.0.1');
		const segments = url.pathname.split('/').filter(Boolean);
		Object.assign(req, {
			query: queryOf(url),
			params: segments.length > 1 ? { token: decodeURIComponent(segments[1]) } : {},
			ip: req.socket.remoteAddress,
		});
		const additionalData = additionalDataFor('webhook-test', {
			httpRequest: req,
			httpResponse: res,
		});
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			{ webhookDescription: trigger.description.webhooks[0] },
			[],
			null,
		);
		try {
			const result = await trigger.webhook.call(context);
			if (result.workflowData) starts.push(result.workflowData[0]);
			if (!result.noWebhookResponse && !res.writableEnded)
				res.status(200).json({ message: 'Workflow was started' });
		} catch (error) {
			res.statusCode = 500;
			res.end(String(error.message));
		}
	});
	await new Promise((resolve) => server.listen(0, host, resolve));
	// The path as n8n evaluates the description's expression (it depends on the event), without the :token.
	const webhookPath = workflow.expression
		.getSimpleParameterValue(
			node,
			trigger.description.webhooks[0].path,
			'internal',
			{},
			undefined,
			'',
		)
		.replace(/\/:token$/, '');
	const baseUrl = `http://${host.includes(':') ? `[${host === '::' ? '::1' : host}]` : host}:${server.address().port}/${webhookPath}`;
	return {
		baseUrl,
		port: server.address().port,
		node,
		starts,
		trigger,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

/**
 * startTrigger for a suite: `const startTrigger = useTriggers();` registers an afterEach that stops every
 * trigger the test started.
 */
function useTriggers() {
	const started = [];
	afterEach(async () => {
		await Promise.all(started.splice(0).map((trigger) => trigger.stop()));
	});
	return async (...args) => {
		const trigger = await startTrigger(...args);
		started.push(trigger);
		return trigger;
	};
}

module.exports = { TRIGGERS, startTrigger, triggerWorkflow, useTriggers };
