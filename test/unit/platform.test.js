'use strict';
/** The vendor layer's platform knowledge: roots, path layouts and per-platform limits. */
const fs = require('node:fs');
const path = require('node:path');
const { validatePlatformInteger } = require('../../dist/nodes/Itniotech/common/validation.js');
const {
	PLATFORMS,
	layoutPath,
	platformLimits,
	resolvePlatform,
} = require('../../dist/nodes/Itniotech/api/platform.js');
const { fakeContext, voiceNodeStub: node } = require('../helpers');

test('the vendor layer imports nothing from the nodes or the credential, and nothing at run time', () => {
	const source = fs.readFileSync(
		path.resolve(__dirname, '../../nodes/Itniotech/api/platform.ts'),
		'utf8',
	);
	const imports = [...source.matchAll(/^import (type )?.*from '([^']+)';$/gm)].map(
		(m) => `${m[1] ?? ''}${m[2]}`,
	);
	expect(imports).toEqual(['type n8n-workflow']);
});

test.each(['platform', 'signing', 'statusCodes'])(
	'api/%s, which the credential loads, needs nothing at run time but node:crypto',
	(name) => {
		// The credential must load where n8n-workflow cannot be resolved (see test/package).
		const built = fs.readFileSync(
			path.resolve(__dirname, `../../dist/nodes/Itniotech/api/${name}.js`),
			'utf8',
		);
		const required = [...built.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
		expect(required.filter((module) => module !== 'node:crypto')).toEqual([]);
	},
);

test.each([
	['/sms/getBalance', '/sms/getBalance', '/getBalance'],
	['/sms/sendSms/batch', '/sms/sendSms/batch', '/sendSms/batch'],
	['/voice/sendCode', '/voice/sendCode', '/voice/sendCode'],
	['/voice/recordGroup/22', '/voice/recordGroup/22', '/voice/recordGroup/22'],
	['/smsx/a', '/smsx/a', '/smsx/a'],
])('%s: Itniotech layout %s, Onbuka layout %s', (logical, itniotech, onbuka) => {
	expect(layoutPath('itniotech', logical)).toBe(itniotech);
	expect(layoutPath('onbuka', logical)).toBe(onbuka);
});

test.each([
	[{}, 'Itniotech', 'https://api.itniotech.com', 'itniotech', 200, 9],
	[
		{ platform: 'itniotech', baseUrl: 'http://127.0.0.1:1/' },
		'Itniotech',
		'http://127.0.0.1:1',
		'itniotech',
		200,
		9,
	],
	[{ platform: 'onbuka' }, 'Onbuka', 'https://api.onbuka.com/v3', 'onbuka', 1000, 3],
	[
		{ platform: 'other', baseUrl: 'https://x.example/v3', pathLayout: 'onbuka' },
		'another brand of the platform',
		'https://x.example/v3',
		'onbuka',
		200,
		3,
	],
	[
		{ platform: 'other', baseUrl: 'https://x.example', pathLayout: 'itniotech' },
		'another brand of the platform',
		'https://x.example',
		'itniotech',
		200,
		3,
	],
])(
	'%p → %s at %s, layout %s, %i callees per request, loop count up to %i',
	async (data, name, root, layout, callees, loops) => {
		expect(resolvePlatform(data)).toMatchObject({ name, root, layout });
		const limits = platformLimits(data);
		expect(limits).toEqual({
			platformName: name,
			maxCalleesPerRequest: callees,
			sendCodeLoopCount: { min: 1, max: loops },
		});
	},
);

test("a refused Base URL of another brand is shown an example of its own kind, not Itniotech's address", () => {
	for (const baseUrl of ['http://x.example', 'https://x.example/?a=1', 'https://u:p@x.example']) {
		expect(() => resolvePlatform({ platform: 'other', baseUrl, pathLayout: 'onbuka' })).toThrow(
			/for example https:\/\/api\.example\.com\/v3$/,
		);
	}
	expect(() => resolvePlatform({ platform: 'itniotech', baseUrl: 'http://x.example' })).toThrow(
		/for example https:\/\/api\.itniotech\.com$/,
	);
});

test('the credential is read once per run, however many items there are', async () => {
	const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
	const ctx = fakeContext({ credentials: { platform: 'onbuka' } });
	const getCredentials = jest.spyOn(ctx, 'getCredentials');
	const run = createRun(ctx);
	for (let i = 0; i < 5; i++)
		expect(platformLimits(await run.credentials(i)).maxCalleesPerRequest).toBe(1000);
	expect(getCredentials).toHaveBeenCalledTimes(1);
});

describe('validatePlatformInteger', () => {
	const range = PLATFORMS.onbuka.limits.sendCodeLoopCount;
	test('within the range passes', () => {
		expect(validatePlatformInteger(node, 'Loop Count', 3, 0, range, 'Onbuka')).toBe(3);
	});
	test('a number outside it: the message names the field, item, range and platform', () => {
		expect(() => validatePlatformInteger(node, 'Loop Count', 5, 2, range, 'Onbuka')).toThrow(
			expect.objectContaining({
				name: 'NodeOperationError',
				message: 'The Loop Count in item 2 must be a whole number from 1 to 3 on Onbuka',
				description: expect.stringMatching(/^Got "5"\. On Onbuka it can be 1 to 3\. .*Platform/),
			}),
		);
	});
	test('not a whole number: the plain check with the platform range', () => {
		expect(() => validatePlatformInteger(node, 'Loop Count', 'two', 0, range, 'Onbuka')).toThrow(
			'The Loop Count in item 0 must be a whole number from 1 to 3',
		);
	});
});
