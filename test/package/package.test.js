'use strict';
/**
 * The published artifact: `npm pack`, unpacked, checked for exactly what n8n loads (and nothing else), and
 * run through n8n's community-package scanner — over the tarball and over the source, zero errors.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, TEST_SECRETS } = require('../helpers');

// Packed tarball. The budget catches what must never be packed (dependencies, images, source maps), not growth.
const SIZE_BUDGET_BYTES = 128 * 1024;

jest.setTimeout(120_000);

let workDir;
let tarball;
let unpacked;
let files;

beforeAll(() => {
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itniotech-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	tarball = path.join(workDir, name);
	unpacked = path.join(workDir, 'unpacked');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	// n8n provides its peer dependency; here it is the repo's own copy, found the way Node looks for modules.
	fs.mkdirSync(path.join(workDir, 'node_modules'));
	fs.symlinkSync(
		path.join(ROOT, 'node_modules', 'n8n-workflow'),
		path.join(workDir, 'node_modules', 'n8n-workflow'),
		'dir',
	);
	files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((f) => f.replace(/^package\//, ''));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function scan(dir, mode) {
	// Not jest's NODE_ENV=test: under it eslint-plugin-n8n-nodes-base pretends every file is "Test.node.ts".
	const { NODE_ENV, ...env } = process.env;
	const out = execFileSync(
		process.execPath,
		[path.join(__dirname, 'scan.mjs'), dir, mode ?? 'package'],
		{
			cwd: ROOT,
			encoding: 'utf8',
			env,
		},
	);
	return JSON.parse(out.trim().split('\n').pop());
}

test('the tarball holds only dist/, README, LICENSE and package.json', () => {
	const outside = files.filter(
		(f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE.md'].includes(f),
	);
	expect(outside).toEqual([]);
	expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE.md']));
	// No tests, simulator, examples, scripts, source maps, type declarations or TypeScript sources.
	expect(
		files.filter((f) => /test|simulator|examples|scripts|\.map$|\.d\.ts$|\.ts$/.test(f)),
	).toEqual([]);
});

test('every file the n8n section names is there, each node with its codex file, and every icon it names (light and dark) is packed', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const named = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
	expect(named.length).toBeGreaterThanOrEqual(4); // the credential and at least Voice, SMS and a trigger
	for (const file of named) expect(files).toContain(file);
	for (const node of manifest.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
	for (const file of named) {
		const exported = Object.values(require(path.join(unpacked, file)))[0];
		const instance = new exported();
		const { icon } = instance.description ?? instance;
		for (const variant of [icon.light, icon.dark]) {
			expect(
				fs.existsSync(
					path.join(path.dirname(path.join(unpacked, file)), variant.replace('file:', '')),
				),
			).toBe(true);
		}
	}
	expect(manifest.dependencies).toBeUndefined();
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});

test(`the packed size stays within ${SIZE_BUDGET_BYTES / 1024} KB`, () => {
	expect(fs.statSync(tarball).size).toBeLessThan(SIZE_BUDGET_BYTES);
});

test('no secret of the test suite is in the package', () => {
	const all = files
		.filter((f) => !f.endsWith('/'))
		.map((f) => fs.readFileSync(path.join(unpacked, f), 'utf8'))
		.join('\n');
	for (const secret of TEST_SECRETS) expect(all).not.toContain(secret);
	expect(all).not.toMatch(/apiSecret['"]?\s*[:=]\s*['"][^'"]{6,}/); // no secret value written into code
});

test("n8n's community-package scanner passes the tarball", () => {
	const result = scan(unpacked);
	expect(result.details).toBeNull();
	expect(result.passed).toBe(true);
});

test("n8n's community-package scanner passes the source", () => {
	const result = scan(ROOT, 'source');
	expect(result.details).toBeNull();
	expect(result.passed).toBe(true);
});
