'use strict';
/**
 * The Campaign and SIP Phone panels of Itniotech Voice (and Call → Send From SIP Phone) as a no-code user
 * meets them: n8n's names, defaults that read the input item (the phone column, Create's campaignId), the
 * fields each Message Type shows, pickers from lists, passwords off by default, short texts, and App IDs only
 * under Options.
 */
const { NodeHelpers } = require('n8n-workflow');
const { ItniotechVoice } = require('../../dist/nodes/Itniotech/Voice/ItniotechVoice.node.js');
const { voiceNodeStub } = require('../helpers');

const voice = new ItniotechVoice();
const { description } = voice;

/** The fields shown for these parameter values, in the panel's order (the editor's own helper). */
function fieldsOf(values) {
	const node = { ...voiceNodeStub, parameters: values };
	return description.properties.filter(
		(property) =>
			!['resource', 'operation'].includes(property.name) &&
			NodeHelpers.displayParameter(values, property, node, description),
	);
}
const names = (fields) => fields.map((field) => field.name);
const byName = (fields) => Object.fromEntries(fields.map((field) => [field.name, field]));

const create = (values = {}) =>
	fieldsOf({ resource: 'campaign', operation: 'create', messageType: 'tts', ...values });

test('Campaign → Create: text to speech shows Language and Text; an audio file shows the file picker', () => {
	expect(names(create())).toEqual([
		'retryOnFailNotice',
		'number',
		'messageType',
		'language',
		'text',
		'campaignName',
		'personalTexts',
		'additionalFields',
		'options',
	]);
	const audio = names(create({ messageType: 'audioFile' }));
	expect(audio).toContain('fileId');
	expect(audio).not.toContain('text');
	expect(audio).not.toContain('language');
	const { fileId } = byName(create({ messageType: 'audioFile' }));
	expect(fileId.modes[0].typeOptions).toEqual({
		searchListMethod: 'searchAudioFiles',
		searchable: true,
	});
});

test('Campaign → Create: defaults read the sheet row; a readable name; English; one play', () => {
	const fields = byName(create());
	expect(fields.number).toMatchObject({
		displayName: 'Phone Number',
		default: '={{ $json.phone }}',
	});
	expect(fields.messageType.default).toBe('tts');
	expect(fields.language.default).toBe('EN');
	expect(fields.language.options.map((o) => o.value)).toEqual(
		expect.arrayContaining([
			'EN',
			'VN',
			'JP',
			'ARB',
			'DE',
			'IN',
			'IT',
			'KR',
			'RU',
			'ES',
			'PT',
			'IDN',
			'BD',
			'TH',
		]),
	);
	expect(fields.language.options).toHaveLength(14);
	expect(fields.campaignName.default).toBe(
		'={{ "Campaign " + $now.toFormat("yyyy-MM-dd HH:mm:ss") }}',
	);
	expect(fields.personalTexts.options.map((o) => o.displayName)).toEqual(
		Array.from({ length: 10 }, (_, i) => `Text ${i + 1}`),
	);
	expect(fields.personalTexts.options.map((o) => o.name)).toEqual(
		Array.from({ length: 10 }, (_, i) => `text${i + 1}`),
	);
	const extra = byName(fields.additionalFields.options);
	expect(extra.loopCount).toMatchObject({ displayName: 'Times to Play', default: 1 });
	expect(extra.maxCalls).toMatchObject({ displayName: 'Max Call Length (Seconds)', default: 60 });
	expect(extra.startTime).toMatchObject({ displayName: 'Start Time', type: 'dateTime' });
	expect(extra.smsWhen.default).toEqual(['answered']);
	const shown = fields.additionalFields.options.map((o) => o.displayName);
	expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b)));
});

test('Campaign → Create: the Voice and SMS App IDs are only Options, overriding the credential', () => {
	const fields = byName(create());
	expect(fields.appId).toBeUndefined();
	const options = byName(fields.options.options);
	expect(options.appId.displayName).toBe('App ID');
	expect(options.smsAppId.displayName).toBe('SMS App ID');
	expect(options.smsAppId.description).toMatch(/credential's SMS App ID/);
});

test('Get, Suspend, Redial: the Campaign defaults to the campaignId Create put out, or is picked from a list', () => {
	for (const operation of ['get', 'suspend', 'redial']) {
		const { campaignId } = byName(fieldsOf({ resource: 'campaign', operation }));
		expect(campaignId).toMatchObject({
			displayName: 'Campaign',
			type: 'resourceLocator',
			default: { mode: 'id', value: '={{ $json.campaignId }}' },
		});
		expect(campaignId.modes.map((m) => m.name)).toEqual(['list', 'id']);
		const method = campaignId.modes[0].typeOptions.searchListMethod;
		expect(typeof voice.methods.listSearch[method]).toBe('function');
	}
	const redial = byName(fieldsOf({ resource: 'campaign', operation: 'redial' }));
	expect(redial.redialNumbers.options.map((o) => [o.name, o.value])).toEqual([
		['Only Failed', 'failed'],
		['All', 'all'],
	]);
	expect(redial.redialNumbers.default).toBe('failed');
});

test('Campaign → Get Many: the last 30 days, every status, Return All / Limit', () => {
	const fields = byName(fieldsOf({ resource: 'campaign', operation: 'getAll' }));
	expect(fields.from.default).toBe('={{ $now.minus({ days: 30 }) }}');
	expect(fields.to.default).toBe('={{ $now }}');
	expect(fields.statuses.default).toEqual([]);
	expect(fields.statuses.options.map((o) => o.name).sort()).toEqual([
		'Calling',
		'Cancelled',
		'Completed',
		'Submission Failed',
		'Submitting',
		'Suspended',
		'Waiting To Start',
	]);
	expect(fields.returnAll.default).toBe(false);
});

test('SIP Phone: Include Passwords is off by default and says why; the phone is picked from a list', () => {
	for (const operation of ['getAll', 'create']) {
		const options = byName(byName(fieldsOf({ resource: 'sipPhone', operation })).options.options);
		expect(options.includePasswords).toMatchObject({ type: 'boolean', default: false });
		expect(options.includePasswords.description).toMatch(/execution logs/);
	}
	for (const [resource, operation] of [
		['sipPhone', 'resetPassword'],
		['call', 'sendSip'],
	]) {
		const { account } = byName(fieldsOf({ resource, operation }));
		expect(account).toMatchObject({ displayName: 'SIP Phone', type: 'resourceLocator' });
		expect(account.modes[0].typeOptions.searchListMethod).toBe('searchSipPhones');
		expect(typeof voice.methods.listSearch.searchSipPhones).toBe('function');
	}
	const create = byName(fieldsOf({ resource: 'sipPhone', operation: 'create' }));
	expect(create.quantity).toMatchObject({ default: 1, typeOptions: { minValue: 1, maxValue: 50 } });
});

test('Send From SIP Phone: a send like every call (notice first, Caller ID and Custom Data as extras)', () => {
	const fields = fieldsOf({ resource: 'call', operation: 'sendSip' });
	expect(names(fields)).toEqual([
		'retryOnFailNotice',
		'account',
		'callee',
		'additionalFields',
		'options',
	]);
	const extra = byName(byName(fields).additionalFields.options);
	expect(extra.displayNum.displayName).toBe('Caller ID');
	expect(extra.calledInfo.displayName).toBe('Custom Data');
});

test('every Campaign and SIP Phone text is short: descriptions and hints at most 130 characters', () => {
	const long = [];
	const visit = (property) => {
		for (const key of ['description', 'hint'])
			if (typeof property[key] === 'string' && property[key].length > 130)
				long.push(`${property.name}: ${property[key].length}`);
		for (const option of property.options ?? []) visit(option);
		for (const mode of property.modes ?? []) visit(mode);
	};
	const ours = description.properties.filter((p) =>
		['campaign', 'sipPhone'].includes(p.displayOptions?.show?.resource?.[0]),
	);
	expect(ours.length).toBeGreaterThan(15);
	ours.forEach(visit);
	expect(long).toEqual([]);
});
