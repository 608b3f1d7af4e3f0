'use strict';
/**
 * Serves the built Itniotech Voice Trigger over real HTTP on 127.0.0.1, the way n8n's webhook server
 * does for one node: the request body is read and JSON-parsed (req.body, req.rawBody), query and path
 * parameters are filled in, and the node's webhook() runs in n8n-core's WebhookContext with an
 * express-style response. Every workflow start it asks for is recorded.
 */
const http = require('node:http');
const path = require('node:path');
const { WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { NodeTypes, additionalDataFor } = require('./engine');

const { ItniotechVoiceTrigger } = require(path.resolve(__dirname, '../../dist/nodes/ItniotechVoiceTrigger/ItniotechVoiceTrigger.node.js'));
const TRIGGER_TYPE = 'n8n-nodes-itniotech.itniotechVoiceTrigger';

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

async function startTrigger(parameters) {
	const trigger = new ItniotechVoiceTrigger();
	const node = {
		id: 'trigger-1',
		name: 'Itniotech Voice Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: 'b0c1d2e3-0000-4000-8000-000000000001',
	};
	const workflow = new Workflow({
		id: 'trigger-test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new NodeTypes({ [TRIGGER_TYPE]: trigger }),
	});
	const starts = [];
	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const text = rawBody.toString('utf8');
		let body = text;
		if (/json/i.test(req.headers['content-type'] ?? '')) {
			try {
				body = text === '' ? {} : JSON.parse(text);
			} catch {
				body = text;
			}
		}
		const url = new URL(req.url, 'http://127.0.0.1');
		const segments = url.pathname.split('/').filter(Boolean);
		Object.assign(req, {
			body,
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: segments.length > 1 ? { token: decodeURIComponent(segments[1]) } : {},
			ip: req.socket.remoteAddress,
		});
		const additionalData = additionalDataFor('webhook-test', { httpRequest: req, httpResponse: expressLike(res) });
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', { webhookDescription: trigger.description.webhooks[0] }, [], null);
		try {
			const result = await trigger.webhook.call(context);
			if (result.workflowData) starts.push(result.workflowData[0]);
			if (!result.noWebhookResponse && !res.writableEnded) res.status(200).json({ message: 'Workflow was started' });
		} catch (error) {
			res.statusCode = 500;
			res.end(String(error.message));
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${server.address().port}/itniotech-status`;
	return {
		baseUrl,
		starts,
		trigger,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startTrigger };
