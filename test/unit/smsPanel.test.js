'use strict';
// What a no-code user sees in the Itniotech SMS panel: the defaults, short texts, the notice on sends, engine
// controls hidden from AI agents, and Account → Get Balance being the very module the Voice node lists.
const { NodeHelpers } = require('n8n-workflow');
const { ItniotechSms } = require('../../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
const sms = require('../../dist/nodes/Itniotech/Sms/actions/router.js');
const voice = require('../../dist/nodes/Itniotech/Voice/actions/router.js');
const { smsNodeStub } = require('../helpers');

const { description } = new ItniotechSms();
const shownFor = (operation) =>
	description.properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
const field = (operation, name) => shownFor(operation).find((p) => p.name === name);

/** Every property and option the panel can show, with where it sits. */
function everything(properties, path = []) {
	return properties.flatMap((p) => {
		const here = [...path, p.displayName ?? p.name];
		const nested = Array.isArray(p.options) ? p.options.filter((o) => typeof o === 'object') : [];
		return [{ p, path: here.join(' → ') }, ...everything(nested, here)];
	});
}

test.each(['searchSent', 'searchInbound'])(
	'%s: From is 7 days ago and To is now unless changed',
	(operation) => {
		expect(field(operation, 'from').default).toBe('={{ $now.minus({ days: 7 }) }}');
		expect(field(operation, 'to').default).toBe('={{ $now }}');
	},
);

test("Get Delivery Report reads each input item's msgId unless changed", () => {
	expect(field('getReport', 'msgIds').default).toBe('={{ $json.msgId }}');
});

test.each(['searchSent', 'searchInbound'])(
	'%s: the Limit hint says which N are kept and in what order',
	(operation) => {
		expect(field(operation, 'limit').hint).toMatch(/^Keeps the N .*(latest|last).*oldest first$/);
	},
);

test('short panel texts: descriptions and hints at most 130 characters, notices at most 160', () => {
	const long = [];
	for (const { p, path } of everything(description.properties)) {
		for (const key of ['description', 'hint'])
			if (typeof p[key] === 'string' && p[key].length > 130)
				long.push(`${path} (${key}, ${p[key].length})`);
		if (p.type === 'notice' && p.displayName.length > 160)
			long.push(`${path} (notice, ${p.displayName.length})`);
	}
	expect(description.description.length).toBeLessThanOrEqual(130);
	expect(long).toEqual([]);
});

test('names and options in Title Case, hints in sentence case', () => {
	const small = new Set(['a', 'and', 'for', 'of', 'on', 'or', 'per', 'the', 'to']);
	for (const { p, path } of everything(description.properties)) {
		if (p.type === 'notice') continue;
		const label = p.displayName ?? p.name;
		for (const word of label.split(' '))
			if (!small.has(word)) expect(`${path}: ${word}`).toMatch(/: \(?[A-Z0-9]/);
		if (p.hint) {
			const words = p.hint.split(' ');
			expect(p.hint).toMatch(/^[A-Z]/);
			expect(words.filter((word) => /^[A-Z]/.test(word)).length).toBeLessThan(words.length / 3);
		}
	}
});

test('the sends show, before the run, that Retry On Fail must stay off; nothing else shows that notice', () => {
	const notices = description.properties.filter((p) => p.type === 'notice');
	expect(notices.flatMap((p) => p.displayOptions.show.operation).sort()).toEqual([
		'send',
		'sendBatch',
	]);
	for (const notice of notices)
		expect(notice.displayName).toMatch(/Retry On Fail off.*send every message .* again/);
});

describe('as an AI agent tool, the inputs are the business fields only', () => {
	// n8n runs a node used as a tool under the type name + "Tool"; `@tool` display rules read that (n8n 1.x and 2.x).
	const node = smsNodeStub;
	const asTool = { ...description, name: `${description.name}Tool` };
	const shown = (operation, type, resource = 'message') =>
		description.properties
			.filter((p) =>
				NodeHelpers.displayParameter({ resource, operation, returnAll: false }, p, node, type),
			)
			.map((p) => p.name);

	test.each(['send', 'sendBatch', 'getReport', 'searchSent', 'searchInbound'])(
		'%s: Options in the panel, not in the tool',
		(operation) => {
			expect(shown(operation, description)).toContain('options');
			const tool = shown(operation, asTool);
			expect(tool).not.toContain('options');
			expect(
				tool.filter((name) => !['resource', 'operation', 'retryNotice'].includes(name)),
			).toEqual(
				shown(operation, description).filter(
					(name) => !['resource', 'operation', 'retryNotice', 'options'].includes(name),
				),
			);
		},
	);

	test('Get Balance takes no input as a tool', () => {
		expect(shown('getBalance', description, 'account')).toContain('options');
		expect(shown('getBalance', asTool, 'account')).toEqual(['resource', 'operation']);
	});
});

test('Account → Get Balance: the same operation module in the SMS and the Voice node', () => {
	const getBalance = (resources) =>
		resources.find((r) => r.value === 'account').operations.get('getBalance');
	expect(getBalance(sms.resources)).toBeDefined();
	expect(getBalance(sms.resources)).toBe(getBalance(voice.resources));
});
