'use strict';
/**
 * Runs the built node inside n8n-core's real execution engine (WorkflowExecute), with a credentials
 * helper that decrypts nothing but otherwise does what n8n's does: hands the credential data to the
 * credential type's `authenticate` for every request. Tests load dist/, i.e. exactly what n8n loads.
 */
const path = require('node:path');
const { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, Workflow } = require('n8n-workflow');

const { recordRun } = require('../evidence');

const DIST = path.resolve(__dirname, '../../dist');
const PACKAGE_NAME = 'n8n-nodes-itniotech';

function loadBuilt(relativePath, exportName) {
	const mod = require(path.join(DIST, relativePath));
	return mod[exportName];
}

const ItniotechVoice = loadBuilt('nodes/Itniotech/Voice/ItniotechVoice.node.js', 'ItniotechVoice');
const ItniotechApi = loadBuilt('credentials/ItniotechApi.credentials.js', 'ItniotechApi');

class NodeTypes {
	constructor(types) {
		this.types = types;
	}
	getByName(name) {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getByNameAndVersion(name) {
		return this.getByName(name);
	}
	getKnownTypes() {
		return {};
	}
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(credentialsByType, credentialTypes) {
		super();
		this.credentialsByType = credentialsByType;
		this.credentialTypes = credentialTypes;
		this.authenticateCalls = 0;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions) {
		const type = this.credentialTypes[typeName];
		if (typeof type?.authenticate !== 'function') {
			throw new Error(`Credential type ${typeName} has no authenticate function`);
		}
		this.authenticateCalls += 1;
		return await type.authenticate(credentials, requestOptions);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	getCredentialsProperties(type) {
		return this.credentialTypes[type]?.properties ?? [];
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.credentialsByType[type];
		if (!data) throw new Error(`No credentials of type ${type}`);
		return { ...data };
	}
	async getCredentials() {
		throw new Error('not used by these tests');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
}

/** What every n8n-core context here needs of IWorkflowExecuteAdditionalData, plus the caller's extras. */
function additionalDataFor(executionId, extra = {}) {
	return {
		executionId,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		...extra,
	};
}

function credentialTypesMap() {
	const credential = new ItniotechApi();
	return { [credential.name]: credential };
}

/**
 * Executes one Itniotech Voice node on the given input items. `settings` are the node's Settings tab
 * (e.g. { onError: 'continueErrorOutput' } or { retryOnFail: true }); `workflowSettings` the workflow's
 * (e.g. its timezone); `errorItems` is the error output. `onExecution(execution)` gets the running
 * execution as it starts, so a test can stop it (`execution.cancel()`, n8n's Stop).
 * @returns {Promise<{ items: object[], errorItems: object[]|undefined, error: Error|undefined, run: object, credentialsHelper: CredentialsHelper }>}
 */
async function runNode({
	parameters,
	items = [{ json: {} }],
	credentials,
	continueOnFail = false,
	settings = {},
	nodeType = new ItniotechVoice(),
	record = true,
	workflowSettings = {},
	onExecution,
}) {
	const type = `${PACKAGE_NAME}.${nodeType.description.name}`;
	const node = {
		id: 'itniotech-voice-1',
		name: 'Itniotech Voice',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { itniotechApi: { id: '1', name: 'Itniotech account' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		...settings,
	};
	const workflowData = {
		id: 'test-workflow',
		name: 'Itniotech test',
		nodes: [node],
		connections: {},
		active: false,
		settings: workflowSettings,
	};
	const workflow = new Workflow({
		...workflowData,
		nodeTypes: new NodeTypes({ [type]: nodeType }),
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	let resolveFinished;
	const finished = new Promise((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

	const credentialsHelper = new CredentialsHelper(
		{ itniotechApi: credentials },
		credentialTypesMap(),
	);
	const additionalData = additionalDataFor('test-execution', {
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used');
		},
	});
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};

	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const execution = workflowExecute.processRunExecutionData(workflow);
	onExecution?.(execution);
	// A stopped execution never settles; n8n reports it finished (canceled) at once.
	await Promise.race([execution, finished]);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputItems = taskData?.data?.main?.[0] ?? [];
	const result = {
		items: outputItems,
		errorItems: taskData?.data?.main?.[1],
		error: run.data.resultData.error ?? taskData?.error,
		run,
		credentialsHelper,
	};
	if (record) recordRun(result);
	return result;
}

/**
 * The context n8n-core gives a node's list search or load-options method for `propertyName`, as the editor
 * asks for it: the node with `parameters` and an Itniotech credential whose data is `credentials`.
 */
function loadOptionsContext({
	parameters,
	credentials,
	propertyName,
	nodeType = new ItniotechVoice(),
}) {
	const type = `${PACKAGE_NAME}.${nodeType.description.name}`;
	const node = {
		id: '1',
		name: nodeType.description.defaults.name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { itniotechApi: { id: '1', name: 'Itniotech account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [type]: nodeType }),
	});
	const additionalData = additionalDataFor('list-search', {
		credentialsHelper: new CredentialsHelper({ itniotechApi: credentials }, credentialTypesMap()),
		currentNodeParameters: parameters,
	});
	return new LoadOptionsContext(workflow, node, additionalData, propertyName);
}

module.exports = { runNode, loadOptionsContext, NodeTypes, additionalDataFor };
