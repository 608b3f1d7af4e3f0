'use strict';
// The README is for no-code n8n users: short (at most 2,000 words outside code blocks, counted like
// `sed '/^```/,/^```/d' README.md | wc -w`), and every docs/… file it links to or shows exists.
const fs = require('node:fs');
const path = require('node:path');

const { ROOT } = require('../helpers');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README without its fenced code blocks (fence lines included), as the sed command drops them. */
function outsideCode(text) {
	const kept = [];
	let inBlock = false;
	for (const line of text.split('\n')) {
		if (line.startsWith('```')) {
			inBlock = !inBlock;
			continue;
		}
		if (!inBlock) kept.push(line);
	}
	return kept.join('\n');
}

test('at most 2,000 words outside code blocks', () => {
	const words = outsideCode(README).split(/\s+/).filter(Boolean).length;
	expect(words).toBeGreaterThan(500);
	expect(words).toBeLessThanOrEqual(2000);
});

test('every docs/… link and image in the README exists', () => {
	const targets = [...README.matchAll(/\]\((docs\/[^)#\s]+)(#[^)\s]*)?\)/g)].map((m) => m[1]);
	expect(targets.length).toBeGreaterThan(5);
	const missing = [...new Set(targets)].filter(
		(target) => !fs.existsSync(path.join(ROOT, decodeURIComponent(target))),
	);
	expect(missing).toEqual([]);
});

test('every docs/… link between the docs files exists', () => {
	const docs = path.join(ROOT, 'docs');
	const missing = [];
	for (const name of fs.readdirSync(docs).filter((n) => n.endsWith('.md'))) {
		const text = fs.readFileSync(path.join(docs, name), 'utf8');
		for (const [, target] of text.matchAll(/\]\(([^)#\s]+?\.(?:md|json|png))(#[^)\s]*)?\)/g)) {
			if (/^https?:/.test(target)) continue;
			if (!fs.existsSync(path.join(docs, target))) missing.push(`${name} → ${target}`);
		}
	}
	expect(missing).toEqual([]);
});

test('the README keeps the template order of n8n community nodes', () => {
	const headings = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
	const order = [
		'Installation',
		'Operations',
		'Credentials',
		'Compatibility',
		'Usage',
		'Resources',
		'Version history',
	];
	const positions = order.map((h) => headings.indexOf(h));
	expect(positions).not.toContain(-1);
	expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});
