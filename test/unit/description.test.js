'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ItniotechVoice } = require('../../dist/nodes/Itniotech/Voice/ItniotechVoice.node.js');

const { description } = new ItniotechVoice();

function operations() {
	const pairs = [];
	for (const property of description.properties.filter((p) => p.name === 'operation')) {
		const resource = property.displayOptions.show.resource[0];
		for (const option of property.options) pairs.push({ resource, ...option });
	}
	return pairs;
}

test('the canvas subtitle shows the chosen operation by its action, for every operation', () => {
	// The subtitle is an n8n expression ={{ … }} over $parameter; evaluated here the way the canvas does.
	const body = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	const subtitleFor = new Function('$parameter', `return (${body});`);
	for (const operation of operations()) {
		expect(subtitleFor({ resource: operation.resource, operation: operation.value })).toBe(
			operation.action,
		);
	}
	expect(subtitleFor({ resource: 'callRecord', operation: 'nothing' })).toBeUndefined();
});

test('each operation file is named after its value, and every file is in the Operation menu of its resource', () => {
	// The node's own resources, and the ones every node shares (Account).
	const files = ['Voice/actions', 'common/actions'].flatMap((folder) => {
		const actions = path.resolve(__dirname, '../../dist/nodes/Itniotech', folder);
		return fs
			.readdirSync(actions, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.flatMap((dir) =>
				fs
					.readdirSync(path.join(actions, dir.name))
					.filter((name) => name.endsWith('.operation.js'))
					.map((name) => ({
						resource: dir.name,
						value: name.replace(/\.operation\.js$/, ''),
						module: require(path.join(actions, dir.name, name)),
					})),
			);
	});
	expect(files.length).toBeGreaterThan(5);
	for (const { value, module } of files) {
		expect(module.meta.value).toBe(value);
		// Item by item (execute), or across items (executeAll: Campaign → Create puts all items in one task).
		expect(typeof (module.execute ?? module.executeAll)).toBe('function');
		expect(Array.isArray(module.properties)).toBe(true);
	}
	const inMenus = operations()
		.map((o) => `${o.resource}:${o.value}`)
		.sort();
	expect(inMenus).toEqual(files.map((f) => `${f.resource}:${f.value}`).sort());
});

test('every operation has an action and a description an AI agent can act on', () => {
	expect(description.usableAsTool).toBe(true);
	for (const operation of operations()) {
		expect(operation.action).toMatch(/^[A-Z][a-z]+ \S+ \S+/); // verb + object, as n8n shows it to agents
		expect(operation.description.length).toBeGreaterThan(30);
	}
});

test('every resource in the Resource list has operations, and every field belongs to a shown operation', () => {
	const resources = description.properties
		.find((p) => p.name === 'resource')
		.options.map((o) => o.value);
	const withOperations = new Set(operations().map((o) => o.resource));
	expect([...withOperations].sort()).toEqual([...resources].sort());
	for (const property of description.properties) {
		if (['resource', 'operation'].includes(property.name)) continue;
		expect(property.displayOptions.show.resource.length).toBeGreaterThan(0);
		expect(property.displayOptions.show.operation.length).toBeGreaterThan(0);
	}
});

test('node basics: name, icons, credential, version', () => {
	expect(description.name).toBe('itniotechVoice');
	expect(description.displayName).toBe('Itniotech Voice');
	expect(description.icon).toEqual({
		light: 'file:../icons/voice.svg',
		dark: 'file:../icons/voice.dark.svg',
	});
	expect(description.credentials).toEqual([{ name: 'itniotechApi', required: true }]);
});

test("request limits sit under every operation's Options: defaults 5 concurrent, no rate cap, the same as the code uses", () => {
	const { DEFAULT_LIMITS } = require('../../dist/nodes/Itniotech/api/transport/requestLimiter.js');
	const optionsFields = description.properties.filter((p) => p.name === 'options');
	expect(optionsFields.length).toBe(operations().length);
	for (const options of optionsFields) {
		const byName = Object.fromEntries(options.options.map((o) => [o.name, o]));
		expect(byName.concurrency.default).toBe(DEFAULT_LIMITS.concurrency);
		expect(byName.concurrency.typeOptions).toEqual({ minValue: 1, maxValue: 50 });
		expect(byName.requestsPerSecond.default).toBe(DEFAULT_LIMITS.requestsPerSecond);
	}
	expect(description.properties.find((p) => p.name === 'batching')).toBeUndefined();
});

test("the nodes panel's entry for each action node describes that node, though n8n shows its trigger's text there", () => {
	// n8n's node creator merges a trigger named <action>Trigger into the action node's entry and shows the
	// trigger's description for the pair.
	const dist = path.resolve(__dirname, '../../dist/nodes/Itniotech');
	const pairs = [
		['Voice/ItniotechVoice', 'VoiceTrigger/ItniotechVoiceTrigger'],
		['Sms/ItniotechSms', 'SmsTrigger/ItniotechSmsTrigger'],
	];
	for (const [actionFile, triggerFile] of pairs) {
		const load = (file) => {
			const exports = require(path.join(dist, `${file}.node.js`));
			return new (Object.values(exports)[0])().description;
		};
		const action = load(actionFile);
		const trigger = load(triggerFile);
		expect(trigger.name.replace('Trigger', '')).toBe(action.name);
		const firstWords = action.description.split(/\s+/).slice(0, 2).join(' ');
		expect(trigger.description.startsWith(firstWords)).toBe(true);
		expect(trigger.description).toContain(`with ${action.displayName}`);
		expect(trigger.description).toMatch(/start workflows on/);
	}
});

test('Max Wait is offered under Options only once Wait for Result is on, in every send that can wait', () => {
	// n8n's editor filters a collection's options with displayParameterPath over the collection's own values.
	const { NodeHelpers } = require('n8n-workflow');
	const { ItniotechSms } = require('../../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
	const nodes = [description, new ItniotechSms().description];
	const waiting = nodes.flatMap((node) =>
		node.properties.filter(
			(p) => p.name === 'options' && p.options.some((o) => o.name === 'waitForResult'),
		),
	);
	expect(waiting.length).toBe(4);
	for (const options of waiting) {
		const maxWait = options.options.find((o) => o.name === 'maxWaitMinutes');
		const shown = (values) =>
			NodeHelpers.displayParameterPath({ options: values }, maxWait, 'options', null);
		expect(shown({})).toBe(false);
		expect(shown({ waitForResult: false })).toBe(false);
		expect(shown({ waitForResult: true })).toBe(true);
	}
});

test('Wait for Result arrives switched on when added, and its hint names every outcome', () => {
	const { ItniotechSms } = require('../../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
	const waits = [description, new ItniotechSms().description].flatMap((node) =>
		node.properties
			.filter((p) => p.name === 'options')
			.flatMap((p) => p.options.filter((o) => o.name === 'waitForResult')),
	);
	expect(waits.length).toBe(4);
	for (const wait of waits) {
		expect(wait.default).toBe(true);
		expect(wait.description).toMatch(
			/answered, notAnswered, failed or stillRunning|delivered, failed or stillSending/,
		);
	}
});
