'use strict';
/**
 * The Itniotech Voice panel as a no-code user (and an AI agent) meets it: n8n's operation names, short texts,
 * the defaults that save typing, the App ID only under Options, the Audio File picked from a list, and the
 * engine's Options out of an agent's sight.
 */
const { NodeHelpers } = require('n8n-workflow');
const { ItniotechVoice } = require('../../dist/nodes/Itniotech/Voice/ItniotechVoice.node.js');
const { voiceNodeStub } = require('../helpers');

const voice = new ItniotechVoice();
const { description } = voice;

/** The fields shown for one operation, in the panel's order (the n8n helper the editor and the runtime use). */
function fieldsOf(resource, operation, { tool = false } = {}) {
	const values = { resource, operation };
	const type = tool ? { ...description, name: `${description.name}Tool` } : description;
	const node = { ...voiceNodeStub, parameters: values };
	return description.properties.filter(
		(property) =>
			!['resource', 'operation'].includes(property.name) &&
			NodeHelpers.displayParameter(values, property, node, type),
	);
}

const byName = (fields) => Object.fromEntries(fields.map((field) => [field.name, field]));

function menu() {
	const rows = [];
	const resources = Object.fromEntries(
		description.properties.find((p) => p.name === 'resource').options.map((o) => [o.value, o.name]),
	);
	for (const property of description.properties.filter((p) => p.name === 'operation')) {
		const resource = property.displayOptions.show.resource[0];
		for (const { name, value, action } of property.options)
			rows.push([resources[resource], name, value, action]);
	}
	return rows;
}

test('operations carry n8n’s names, no name repeats its resource, actions say the same; values are unchanged', () => {
	expect(menu()).toEqual([
		['Account', 'Get Balance', 'getBalance', 'Get the account balance'],
		['Audio File', 'Upload', 'upload', 'Upload an audio file'],
		['Audio File', 'Get Many', 'list', 'Get many audio files'],
		['Call', 'Send Text to Speech', 'sendTts', 'Send a text to speech call'],
		['Call', 'Send Audio File', 'sendGroup', 'Send an audio file call'],
		['Call', 'Send From SIP Phone', 'sendSip', 'Send a call from a SIP phone'],
		['Call Record', 'Get', 'getGroupRecord', 'Get a call record'],
		['Call Record', 'Get Many', 'searchGroupRecords', 'Get many call records'],
		['Campaign', 'Create', 'create', 'Create a campaign'],
		['Campaign', 'Get', 'get', 'Get a campaign'],
		['Campaign', 'Get Many', 'getAll', 'Get many campaigns'],
		['Campaign', 'Suspend', 'suspend', 'Suspend a campaign'],
		['Campaign', 'Redial', 'redial', 'Redial a campaign'],
		['SIP Phone', 'Get Many', 'getAll', 'Get many SIP phones'],
		['SIP Phone', 'Create', 'create', 'Create SIP phones'],
		['SIP Phone', 'Reset Password', 'resetPassword', 'Reset a SIP phone password'],
		['SIP Call Record', 'Get', 'get', 'Get a SIP call record'],
		['SIP Call Record', 'Get Many', 'search', 'Get many SIP call records'],
	]);
	for (const [resource, name] of menu()) {
		if (name !== 'Get Balance') expect(name).not.toContain(resource);
	}
	const getRecord = description.properties
		.find((p) => p.name === 'operation' && p.displayOptions.show.resource[0] === 'callRecord')
		.options.find((o) => o.value === 'getGroupRecord');
	expect(getRecord.description).toMatch(/any call of your account, text to speech or audio file/);
});

test('the canvas subtitle is the chosen operation’s action, so Get says what it gets', () => {
	const body = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	const subtitleFor = new Function('$parameter', `return (${body});`);
	expect(subtitleFor({ resource: 'callRecord', operation: 'getGroupRecord' })).toBe(
		'Get a call record',
	);
	expect(subtitleFor({ resource: 'sipRecord', operation: 'get' })).toBe('Get a SIP call record');
});

test('field names in n8n’s words, the console’s term in the description', () => {
	const tts = byName(fieldsOf('call', 'sendTts'));
	const group = byName(fieldsOf('call', 'sendGroup'));
	expect(tts.callee.displayName).toBe('Phone Number');
	expect(tts.callee.description).toContain('Callee');
	expect(group.callees.displayName).toBe('Phone Numbers');
	expect(group.callees.description).toContain('Callees');
	for (const fields of [tts, group]) {
		const extra = byName(fields.additionalFields.options);
		expect(extra.displayNum.displayName).toBe('Caller ID');
		expect(extra.displayNum.description).toContain('Display Number');
		expect(extra.loopCount.displayName).toBe('Times to Play');
		expect(extra.calledInfo.displayName).toBe('Custom Data');
		expect(extra.calledInfo.description).toMatch(/Called Info.*returned in the call record/);
		const names = fields.additionalFields.options.map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	}
	const gender = byName(tts.additionalFields.options).ssmlGender;
	expect(gender.type).toBe('options');
	expect(gender.options.map((o) => o.name)).toEqual(['Male', 'Female']);
	expect(tts.language.type).toBe('options');
	expect(tts.language.noDataExpression).toBeUndefined(); // a dropdown that still takes an expression
});

test('sends have no App ID field of their own: Options → App ID overrides the credential’s', () => {
	for (const operation of ['sendTts', 'sendGroup']) {
		const fields = byName(fieldsOf('call', operation));
		expect(fields.appId).toBeUndefined();
		const appId = fields.options.options.find((o) => o.name === 'appId');
		expect(appId).toMatchObject({ displayName: 'App ID', type: 'string', default: '' });
		expect(appId.description).toMatch(/instead of the credential's Voice App ID/);
	}
});

test('sends show a notice before the run: Retry On Fail must stay off', () => {
	const sends = [
		['call', 'sendTts'],
		['call', 'sendGroup'],
		['call', 'sendSip'],
		['campaign', 'create'],
		['campaign', 'redial'],
	];
	for (const [resource, operation] of sends) {
		const [first] = fieldsOf(resource, operation);
		expect(first.type).toBe('notice');
		expect(first.displayName).toMatch(/Retry On Fail.*Settings.*call people twice/);
	}
	const notices = description.properties.filter((p) => p.type === 'notice');
	expect(notices).toHaveLength(sends.length);
});

test('Send Audio File: the Audio File is picked From List (the default, searchable) or given By ID', () => {
	const { fileId } = byName(fieldsOf('call', 'sendGroup'));
	expect(fileId).toMatchObject({
		displayName: 'Audio File',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
	});
	expect(fileId.modes.map((m) => [m.displayName, m.name, m.type])).toEqual([
		['From List', 'list', 'list'],
		['By ID', 'id', 'string'],
	]);
	const list = fileId.modes[0];
	expect(list.typeOptions).toEqual({ searchListMethod: 'searchAudioFiles', searchable: true });
	expect(typeof voice.methods.listSearch[list.typeOptions.searchListMethod]).toBe('function');
});

test('Voice ID defaults to each input item’s voiceId; Get Many defaults to the last 7 days', () => {
	for (const resource of ['callRecord', 'sipRecord']) {
		const get = byName(fieldsOf(resource, resource === 'callRecord' ? 'getGroupRecord' : 'get'));
		expect(get.voiceId.default).toBe('={{ $json.voiceId }}');
		const search = byName(
			fieldsOf(resource, resource === 'callRecord' ? 'searchGroupRecords' : 'search'),
		);
		expect(search.from.default).toBe('={{ $now.minus({ days: 7 }) }}');
		expect(search.to.default).toBe('={{ $now }}');
	}
});

test('short panel texts: descriptions and hints at most 130 characters, notices at most 160', () => {
	const long = [];
	const visit = (property, where) => {
		const at = `${where} → ${property.displayName ?? property.name}`;
		for (const key of ['description', 'hint']) {
			if (typeof property[key] === 'string' && property[key].length > 130)
				long.push(`${at} (${key}, ${property[key].length})`);
		}
		if (property.type === 'notice' && property.displayName.length > 160)
			long.push(`${at} (notice)`);
		for (const option of property.options ?? []) visit(option, at);
		for (const mode of property.modes ?? []) visit(mode, at);
		for (const value of property.values ?? []) visit(value, at);
	};
	for (const property of description.properties)
		visit(property, property.displayOptions?.show?.operation?.[0] ?? '');
	expect(long).toEqual([]);
});

test('as an AI agent’s tool the node asks for business fields only: every Options collection is hidden', () => {
	const options = description.properties.filter((p) => p.name === 'options');
	expect(options).toHaveLength(menu().length);
	for (const property of options) expect(property.displayOptions.hide).toEqual({ '@tool': [true] });
	const cases = [
		['call', 'sendTts', ['callee', 'language', 'text', 'additionalFields']],
		['call', 'sendGroup', ['callees', 'fileId', 'additionalFields']],
		['callRecord', 'getGroupRecord', ['voiceId', 'simplify']],
		['callRecord', 'searchGroupRecords', ['from', 'to', 'returnAll', 'simplify']],
		['account', 'getBalance', []],
	];
	for (const [resource, operation, business] of cases) {
		expect(fieldsOf(resource, operation).some((field) => field.name === 'options')).toBe(true);
		const asTool = fieldsOf(resource, operation, { tool: true }).filter(
			(field) => field.type !== 'notice',
		);
		expect(asTool.map((field) => field.name)).toEqual(business);
	}
});
