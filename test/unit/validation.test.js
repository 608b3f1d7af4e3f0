'use strict';
const { NodeOperationError } = require('n8n-workflow');
const { previewValue } = require('../../dist/nodes/Itniotech/common/validation.js');
const { validateVoiceId } = require('../../dist/nodes/Itniotech/Voice/helpers/voiceId.js');
const { voiceNodeStub: node } = require('../helpers');

describe('validateVoiceId', () => {
	test.each([
		['2203031113381000002', '2203031113381000002'],
		['  2203031113381000002\n', '2203031113381000002'],
		[42, '42'],
		[Number.MAX_SAFE_INTEGER, '9007199254740991'],
		[2203031113381000, '2203031113381000'],
	])('%p is accepted as %p', (input, expected) => {
		expect(validateVoiceId(node, input, 0)).toBe(expected);
	});

	test.each([
		['', /is empty/],
		['   ', /is empty/],
		['abc', /digits \(0-9\) only/],
		['../x', /digits \(0-9\) only/],
		['12 34', /digits \(0-9\) only/],
		['12/34', /digits \(0-9\) only/],
		['１２３', /digits \(0-9\) only/],
		['-5', /digits \(0-9\) only/],
		['1'.repeat(65), /at most 64 digits/],
		[undefined, /must be text made of digits/],
		[null, /must be text made of digits/],
		[{ id: 1 }, /must be text made of digits/],
		[1.5, /must be text made of digits/],
	])('%p is refused', (input, pattern) => {
		let thrown;
		try {
			validateVoiceId(node, input, 3);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect(thrown.message).toMatch(/^The Voice ID in item 3 /);
		expect(thrown.message).toMatch(pattern);
		expect(thrown.context.itemIndex).toBe(3);
		expect(thrown.description).toMatch(/digits|voiceId/);
	});

	test.each([[2203031113381000000], [2203031113381000002], [Number.MAX_SAFE_INTEGER + 1], [1e21]])(
		'%p, a number too large to be exact (a Google Sheets column), is refused as having lost digits',
		(input) => {
			let thrown;
			try {
				validateVoiceId(node, input, 1);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(NodeOperationError);
			expect(thrown.message).toBe(
				'The Voice ID in item 1 lost digits on the way: it arrived as a number too large to hold every digit',
			);
			expect(thrown.context.itemIndex).toBe(1);
			expect(thrown.description).toContain(`Got the number ${String(input)}`);
			expect(thrown.description).toContain('Plain text');
			expect(thrown.description).toContain('as a string');
		},
	);

	test('the refused value is shown escaped and cut short', () => {
		expect(previewValue('a\u0000b')).toBe('"a\\u0000b"');
		expect(previewValue('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
		expect(previewValue(undefined)).toBe('nothing');
	});
});

describe('a field whose expression found nothing', () => {
	const { validatePhoneNumber } = require('../../dist/nodes/Itniotech/common/validation.js');
	const descriptionFor = (value) => {
		try {
			validatePhoneNumber(node, 'Phone Number', value, 0);
		} catch (error) {
			return error.description;
		}
		throw new Error('accepted');
	};

	test('points to the Webhook body, where such fields usually are', () => {
		expect(descriptionFor(undefined)).toMatch(/^Got nothing\..*\{\{ \$json\.body\.phone \}\}/);
	});

	test('a value that is there but wrong gets no such guess', () => {
		expect(descriptionFor('12345')).not.toMatch(/body/);
	});
});
