'use strict';
// What a no-code user sees in the Itniotech Verify panel: n8n's vocabulary for resources and operations, IDs
// that default to the previous node's field, short texts, the notice on sends, engine controls under Options
// and hidden from AI agents, the App ID override, and the OTP readings of the vendor's status codes.
const { ItniotechVerify } = require('../../dist/nodes/Itniotech/Verify/ItniotechVerify.node.js');
const { OTP_PATHS, layoutPath } = require('../../dist/nodes/Itniotech/api/platform.js');
const {
	describeVendorStatus,
	OTP_STATUS,
} = require('../../dist/nodes/Itniotech/api/statusCodes.js');
const {
	checkResult,
	typeVerificationRecord,
	listEntries,
} = require('../../dist/nodes/Itniotech/api/records/otp.js');
const { typedCode } = require('../../dist/nodes/Itniotech/Verify/helpers/verifyFields.js');
const codex = require('../../nodes/Itniotech/Verify/ItniotechVerify.node.json');
const { n8n } = require('../../package.json');

const node = new ItniotechVerify();
const { description } = node;
const menu = (resource) =>
	description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource),
	);
const shownFor = (operation) =>
	description.properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
const field = (operation, name) => shownFor(operation).find((p) => p.name === name);

function everything(properties, path = []) {
	return properties.flatMap((p) => {
		const here = [...path, p.displayName ?? p.name];
		const nested = Array.isArray(p.options) ? p.options.filter((o) => typeof o === 'object') : [];
		return [{ p, path: here.join(' → ') }, ...everything(nested, here)];
	});
}

test('the node: name, tool use, icons light and dark, registered, its codex', () => {
	expect(description.name).toBe('itniotechVerify');
	expect(description.displayName).toBe('Itniotech Verify');
	expect(description.usableAsTool).toBe(true);
	expect(description.icon).toEqual({
		light: 'file:../icons/verify.svg',
		dark: 'file:../icons/verify.dark.svg',
	});
	expect(n8n.nodes).toContain('dist/nodes/Itniotech/Verify/ItniotechVerify.node.js');
	expect(codex.node).toBe('n8n-nodes-itniotech.itniotechVerify');
	expect(codex.categories).toEqual(['Communication']);
	expect(Object.keys(node.methods.listSearch).sort()).toEqual(['searchFlows', 'searchTemplates']);
});

test("resources and operations in n8n's words; no operation repeats its resource", () => {
	const resources = description.properties.find((p) => p.name === 'resource');
	expect(resources.options.map((o) => o.name)).toEqual(['Verification', 'Template']);
	expect(resources.default).toBe('verification');
	expect(menu('verification').options.map((o) => o.name)).toEqual([
		'Send Code',
		'Send My Own Code',
		'Check Code',
		'Resend',
		'Get',
	]);
	expect(menu('template').options.map((o) => o.name)).toEqual(['Get Many']);
	for (const resource of ['verification', 'template'])
		for (const option of menu(resource).options)
			expect(option.name).not.toMatch(/Verification|Template/);
	expect(description.subtitle).toMatch(/"verification:check":"Check Code"/);
});

test("IDs and numbers default to the previous node's fields", () => {
	expect(field('send', 'phoneNumber').default).toBe('={{ $json.phone }}');
	expect(field('sendOwnCode', 'phoneNumber').default).toBe('={{ $json.phone }}');
	for (const operation of ['check', 'resend', 'get'])
		expect(field(operation, 'verificationId').default).toBe('={{ $json.verificationId }}');
	expect(field('check', 'code').default).toBe('={{ $json.code }}');
	expect(field('get', 'reference').default).toBe('={{ $json.reference }}');
});

test('Template is a resource locator (From List, By ID); Fallback Flow and Reference are optional', () => {
	const template = field('send', 'templateId');
	expect(template.type).toBe('resourceLocator');
	expect(template.required).toBe(true);
	expect(template.modes.map((m) => m.name)).toEqual(['list', 'id']);
	expect(template.modes[0].typeOptions.searchListMethod).toBe('searchTemplates');
	expect(field('sendOwnCode', 'templateId').required).toBe(false);
	const extra = field('send', 'additionalFields');
	expect(extra.options.map((o) => o.name)).toEqual(['flowId', 'reference']);
	expect(extra.options[0].modes[0].typeOptions.searchListMethod).toBe('searchFlows');
	expect(field('send', 'channel').options.map((o) => o.name)).toEqual(['SMS', 'Call']);
});

test('engine controls only under Options, hidden from AI agents; App ID overrides the OTP App ID', () => {
	const options = description.properties.filter((p) => p.name === 'options');
	expect(options.length).toBe(6);
	for (const option of options) {
		expect(option.displayOptions.hide).toEqual({ '@tool': [true] });
		const appId = option.options.find((o) => o.name === 'appId');
		expect(appId.description).toBe("Use this App ID instead of the credential's OTP App ID");
	}
	// Sends and checks offer no Max Attempts: they are never repeated.
	for (const operation of ['send', 'sendOwnCode', 'resend', 'check'])
		expect(field(operation, 'options').options.map((o) => o.name)).not.toContain('maxAttempts');
	expect(field('get', 'options').options.map((o) => o.name)).toContain('maxAttempts');
});

test('the sends show that Retry On Fail must stay off; Check Code and Get do not need the notice', () => {
	const notices = description.properties.filter((p) => p.type === 'notice');
	expect(notices.flatMap((p) => p.displayOptions.show.operation).sort()).toEqual([
		'resend',
		'send',
		'sendOwnCode',
	]);
});

test('short texts in sentence case, names in Title Case', () => {
	const small = new Set(['a', 'and', 'by', 'for', 'of', 'on', 'or', 'per', 'the', 'to', 'my']);
	for (const { p, path } of everything(description.properties)) {
		for (const key of ['description', 'hint'])
			if (typeof p[key] === 'string')
				expect(`${path}: ${p[key].length}`).toMatch(/: (\d|[1-9]\d|1[0-2]\d|130)$/);
		if (p.type === 'notice') continue;
		for (const word of (p.displayName ?? p.name).split(' '))
			if (!small.has(word)) expect(`${path}: ${word}`).toMatch(/: \(?[A-Z0-9]/);
	}
});

test('the OTP paths are /otp/<op> on every layout', () => {
	expect(layoutPath('itniotech', OTP_PATHS.send)).toBe('/otp/verification/send');
	expect(layoutPath('onbuka', OTP_PATHS.send)).toBe('/otp/verification/send');
	expect(OTP_PATHS.record('22 06')).toBe('/otp/verification/record/22%2006');
});

test('-27, -28 and -29 read as the OTP app limits and blocked words on OTP paths only', () => {
	for (const status of ['-27', '-28', '-29']) {
		expect(describeVendorStatus(status, OTP_PATHS.send)).toBe(OTP_STATUS[status]);
		expect(OTP_STATUS[status].transient).toBeUndefined();
	}
	expect(describeVendorStatus('-29', '/sms/sendSms').meaning).toBe('The workspace is disabled');
	expect(describeVendorStatus('-29', OTP_PATHS.resend).meaning).toMatch(/blocked words/);
	expect(describeVendorStatus('-28', OTP_PATHS.send).action).toMatch(/per-number send limit/);
	expect(describeVendorStatus('-16', OTP_PATHS.check).meaning).toMatch(/Timestamp/);
});

test('a check verifies on matched 0 only; every other value says why in words', () => {
	expect(checkResult(0)).toEqual({ verified: true, reason: null });
	expect(checkResult(2)).toEqual({ verified: false, reason: 'wrong code' });
	expect(checkResult(3)).toEqual({ verified: false, reason: 'unknown verification' });
	expect(checkResult(4)).toEqual({ verified: false, reason: 'already used' });
	expect(checkResult(5)).toEqual({ verified: false, reason: 'expired' });
	expect(checkResult(7).verified).toBe(false);
});

test('a typed code: spaces and dashes dropped; outside 4 to 10 letters or digits it is no code', () => {
	expect(typedCode(' 482 913 ')).toBe('482913');
	expect(typedCode('48-29')).toBe('4829');
	expect(typedCode(4829)).toBe('4829');
	for (const bad of ['123', '12345678901', '12#45', '', null, undefined, {}])
		expect(typedCode(bad)).toBeUndefined();
});

test('a record with nothing in it still has every field; lists are read from arrays or objects', () => {
	expect(typeVerificationRecord({})).toEqual({
		verificationId: null,
		reference: null,
		number: null,
		channel: null,
		verified: false,
		state: null,
		resultCode: null,
		verifiedAt: null,
		flowId: null,
		sms: [],
		call: [],
	});
	expect(typeVerificationRecord({ verifications: { matched: '0' } }).verified).toBe(true);
	expect(listEntries([{ templateId: 1 }], 'templateId')).toEqual([{ templateId: 1 }]);
	expect(listEntries({ records: [{ templateId: 1 }] }, 'templateId')).toEqual([{ templateId: 1 }]);
	expect(listEntries({ templateId: 1 }, 'templateId')).toEqual([{ templateId: 1 }]);
	expect(listEntries(null, 'templateId')).toEqual([]);
});
