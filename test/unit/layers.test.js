'use strict';
/**
 * The import rule of the layout (docs/architecture.md), over the TypeScript sources:
 * - nodes/Itniotech/api/ (the vendor layer) imports nothing from common/, a node folder or credentials/;
 * - nodes/Itniotech/common/ (n8n-side helpers) imports api/ and itself only;
 * - a node folder (nodes/Itniotech/<Node>/) imports its own folder, common/ and api/, never another node's;
 * - credentials/ imports api/ only.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const { ROOT } = require('../helpers');
const PACKAGE_LAYER = 'nodes/Itniotech';

function sourceFiles(dir) {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

/** Every import of a file that points into this repository, as repository paths. */
function localImports(file) {
	const { importedFiles } = ts.preProcessFile(
		fs.readFileSync(path.join(ROOT, file), 'utf8'),
		true,
		true,
	);
	return importedFiles
		.map(({ fileName }) => fileName)
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
}

/** Where a path sits: 'api', 'common', 'credentials', 'node:<Folder>', or undefined outside these. */
function layerOf(file) {
	if (file.startsWith('credentials/')) return 'credentials';
	if (!file.startsWith(`${PACKAGE_LAYER}/`)) return undefined;
	const folder = file.slice(PACKAGE_LAYER.length + 1).split('/')[0];
	if (folder === 'api' || folder === 'common') return folder;
	return file.slice(PACKAGE_LAYER.length + 1).includes('/') ? `node:${folder}` : undefined;
}

const ALLOWED = {
	api: (to) => to === 'api',
	common: (to) => to === 'api' || to === 'common',
	credentials: (to) => to === 'api',
};

/** The imports that break the rule, as "from → to". */
function violations(edges) {
	return edges
		.filter(({ from, to }) => {
			const source = layerOf(from);
			const target = layerOf(to);
			if (source === undefined) return false;
			if (source.startsWith('node:'))
				return !(target === source || target === 'api' || target === 'common');
			return !ALLOWED[source](target);
		})
		.map(({ from, to }) => `${from} → ${to}`);
}

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const edges = files.flatMap((from) => localImports(from).map((to) => ({ from, to })));

test('every source file sits in a layer: api/, common/, a node folder, or credentials/', () => {
	expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
	const layers = new Set(files.map(layerOf));
	expect(layers).toEqual(
		new Set([
			'api',
			'common',
			'credentials',
			'node:Sms',
			'node:SmsTrigger',
			'node:Voice',
			'node:Verify',
			'node:VoiceTrigger',
		]),
	);
});

test('no import breaks the layer rule', () => {
	expect(edges.length).toBeGreaterThan(50); // the sources were read
	expect(violations(edges)).toEqual([]);
});

test('the rule catches each kind of wrong import', () => {
	const wrong = [
		{ from: 'nodes/Itniotech/api/transport/request.ts', to: 'nodes/Itniotech/common/inOrder' },
		{ from: 'nodes/Itniotech/api/platform.ts', to: 'nodes/Itniotech/Voice/helpers/callReport' },
		{ from: 'nodes/Itniotech/api/signing.ts', to: 'credentials/ItniotechApi.credentials' },
		{ from: 'nodes/Itniotech/common/paging.ts', to: 'nodes/Itniotech/Voice/helpers/voiceId' },
		{
			from: 'nodes/Itniotech/common/trigger/receive.ts',
			to: 'nodes/Itniotech/VoiceTrigger/ItniotechVoiceTrigger.node',
		},
		{
			from: 'nodes/Itniotech/SmsTrigger/ItniotechSmsTrigger.node.ts',
			to: 'nodes/Itniotech/VoiceTrigger/ItniotechVoiceTrigger.node',
		},
		{ from: 'credentials/ItniotechApi.credentials.ts', to: 'nodes/Itniotech/common/validation' },
		{
			from: 'credentials/ItniotechApi.credentials.ts',
			to: 'nodes/Itniotech/Voice/ItniotechVoice.node',
		},
	];
	expect(violations(wrong)).toHaveLength(wrong.length);
	const right = [
		{ from: 'nodes/Itniotech/Voice/actions/router.ts', to: 'nodes/Itniotech/common/runner' },
		{
			from: 'nodes/Itniotech/VoiceTrigger/ItniotechVoiceTrigger.node.ts',
			to: 'nodes/Itniotech/api/records/record',
		},
		{ from: 'nodes/Itniotech/common/paging.ts', to: 'nodes/Itniotech/api/transport/request' },
		{
			from: 'nodes/Itniotech/SmsTrigger/ItniotechSmsTrigger.node.ts',
			to: 'nodes/Itniotech/common/trigger/receive',
		},
		{ from: 'credentials/ItniotechApi.credentials.ts', to: 'nodes/Itniotech/api/signing' },
	];
	expect(violations(right)).toEqual([]);
});

test('every node n8n loads lives in its own folder under nodes/Itniotech/', () => {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	for (const built of n8n.nodes) {
		const source = built.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
		expect(layerOf(source)).toMatch(/^node:/);
	}
});
