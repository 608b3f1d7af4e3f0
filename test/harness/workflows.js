'use strict';
/**
 * What the real-n8n scenarios build their workflows from, as a user builds them in the editor: a manual trigger,
 * a Code node standing in for a sheet's rows, Itniotech nodes with a credential, nodes in a straight line; and
 * the credential as the simulator's account (Other Brand, Itniotech path layout) with the App IDs asked for.
 */
const { ACCOUNT } = require('../fixtures');

/** n8n's name for the manual trigger a new workflow starts with. */
const TRIGGER = "When clicking 'Execute workflow'";

const NODE_TYPES = {
	voice: 'n8n-nodes-itniotech.itniotechVoice',
	sms: 'n8n-nodes-itniotech.itniotechSms',
	verify: 'n8n-nodes-itniotech.itniotechVerify',
};

/** A node at column `x` of the canvas; `extra` overrides anything (typeVersion, credentials). */
function node(name, type, parameters, x, extra = {}) {
	return {
		id: name.replace(/\W/g, '-'),
		name,
		type,
		typeVersion: 1,
		position: [x * 260, 0],
		parameters,
		...extra,
	};
}

const manualTrigger = () => node(TRIGGER, 'n8n-nodes-base.manualTrigger', {}, 0);

/** A Code node that outputs `rows` as items, as Google Sheets → Get Rows would. */
const rowsNode = (name, rows, x = 1) =>
	node(
		name,
		'n8n-nodes-base.code',
		{ jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` },
		x,
		{
			typeVersion: 2,
		},
	);

/** An Itniotech node (`kind`: voice, sms or verify) using `credential`; Options start empty, as when added. */
const itniotechNode = (kind, credential) => (name, parameters, x) =>
	node(name, NODE_TYPES[kind], { options: {}, ...parameters }, x, {
		credentials: { itniotechApi: credential },
	});

/** Connections of nodes one after another, by name. */
function inLine(...names) {
	const connections = {};
	names.slice(0, -1).forEach((name, i) => {
		connections[name] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	});
	return connections;
}

/** A workflow as n8n imports it, not active, run with the v1 execution order. */
const workflow = (id, name, nodes, connections) => ({
	id,
	name,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes,
	connections,
	pinData: {},
});

/** The credential for importIntoN8n: the simulator's account with the App IDs given (voiceAppId, smsAppId, …). */
const simulatorCredential = (credential, sim, appIds = {}) => ({
	...credential,
	type: 'itniotechApi',
	data: { ...ACCOUNT, platform: 'other', pathLayout: 'itniotech', baseUrl: sim.baseUrl, ...appIds },
});

module.exports = {
	TRIGGER,
	node,
	manualTrigger,
	rowsNode,
	itniotechNode,
	inLine,
	workflow,
	simulatorCredential,
};
