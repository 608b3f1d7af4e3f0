'use strict';
/**
 * n8n's credential Test button, reproduced with n8n-core's own parts: the CLI's CredentialsTester wraps the
 * credential's `test.request` in a throw-away node, runs it through n8n-core's RoutingNode (which signs it
 * through the credentials helper) and then applies the `test.rules` in order. Same steps here, so the
 * messages a user sees in the editor are the ones these tests assert.
 */
const { ExecuteContext } = require('n8n-core');
const { RoutingNode } = require('n8n-core/dist/execution-engine/routing-node');
const { Workflow } = require('n8n-workflow');
const { CredentialsHelper, NodeTypes, additionalDataFor, credentialTypesMap } = require('./engine');
const { append } = require('../evidence');

const TEMP_NODE_TYPE = 'n8n-nodes-base.credentialTest';

function readPath(object, key) {
	return key.split('.').reduce((value, part) => (value == null ? undefined : value[part]), object);
}

/** @returns {Promise<{ status: 'OK'|'Error', message: string }>} */
async function testCredential(data, credentialTypeName = 'itniotechApi') {
	const result = await runCredentialTest(data, credentialTypeName);
	append('runs', JSON.stringify({ credentialTest: result }));
	return result;
}

async function runCredentialTest(data, credentialTypeName) {
	const credentialTypes = credentialTypesMap();
	const credentialType = credentialTypes[credentialTypeName];
	const testRequest = credentialType.test;
	const credentialsDecrypted = { id: 'cred-1', name: 'Itniotech account', type: credentialTypeName, data };

	const nodeType = {
		description: {
			displayName: 'Credential test',
			name: TEMP_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEMP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialTypeName]: { id: 'cred-1', name: 'Itniotech account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [TEMP_NODE_TYPE]: nodeType }),
	});
	const additionalData = additionalDataFor('credential-test', {
		credentialsHelper: new CredentialsHelper({ [credentialTypeName]: data }, credentialTypes),
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, credentialsDecrypted);

	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		// Same fallbacks as n8n's tester: HTTP status rules, then the status text, then the network code.
		const httpResponse = error.cause?.response;
		if (httpResponse) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === httpResponse.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (httpResponse.status < 199 || httpResponse.status > 299) {
				return {
					status: 'Error',
					message: httpResponse.statusText || `Received HTTP status code: ${httpResponse.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const json = response[0][0].json;
			if (readPath(json, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { testCredential };
