'use strict';
/**
 * The house style of every panel, over every node and the credential the package registers: text budgets
 * (descriptions and hints about 130 characters, notices 160), Title Case for names and options, operation
 * names that do not repeat their resource, placeholders on free-text IDs, and no App ID a user must type.
 */
const path = require('node:path');
const { n8n } = require('../../package.json');

const { ROOT } = require('../helpers');

/** Every registered node and credential, built, with what the panel shows. */
const registered = [...n8n.nodes, ...n8n.credentials].map((file) => {
	const exported = Object.values(require(path.join(ROOT, file)))[0];
	const instance = new exported();
	const description = instance.description ?? instance;
	return { file: path.basename(file), description, properties: description.properties };
});

/** Every property at any depth (collections, fixed collections, resource locator modes), with where it is. */
function walk(properties, where, visit) {
	for (const property of properties ?? []) {
		const here = `${where} › ${property.displayName ?? property.name}`;
		visit(property, here);
		for (const option of property.options ?? []) {
			if (option.values)
				walk(option.values, `${here} › ${option.displayName ?? option.name}`, visit);
			else if (option.type || option.displayName) walk([option], here, visit);
		}
	}
}

function everyText() {
	const texts = [];
	for (const { file, description, properties } of registered) {
		if (typeof description.description === 'string')
			texts.push({ where: file, kind: 'description', text: description.description });
		walk(properties, file, (property, where) => {
			if (property.type === 'notice')
				texts.push({ where, kind: 'notice', text: property.displayName });
			for (const kind of ['description', 'hint'])
				if (typeof property[kind] === 'string') texts.push({ where, kind, text: property[kind] });
			if (property.type === 'options' || property.type === 'multiOptions') {
				for (const option of property.options ?? []) {
					if (typeof option.description === 'string')
						texts.push({
							where: `${where} › ${option.name}`,
							kind: 'description',
							text: option.description,
						});
				}
			}
		});
	}
	return texts;
}

const BUDGET = { description: 130, hint: 130, notice: 160 };

test('every description and hint fits in about 130 characters, every notice in 160', () => {
	const texts = everyText();
	expect(texts.length).toBeGreaterThan(100);
	const over = texts
		.filter(({ kind, text }) => text.length > BUDGET[kind])
		.map(({ where, kind, text }) => `${where} (${kind}, ${text.length})`);
	expect(over).toEqual([]);
});

/** Title Case as n8n's guidelines use it: every word capitalised except short joining words. */
const MINOR = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'by',
	'for',
	'from',
	'in',
	'of',
	'on',
	'or',
	'per',
	'the',
	'to',
	'with',
]);
function isTitleCase(name) {
	return name
		.replace(/\([^)]*\)/g, '')
		.split(/\s+/)
		.filter((word) => /^[A-Za-z]/.test(word))
		.every((word, i) => /^[A-Z0-9]/.test(word) || (i > 0 && MINOR.has(word)));
}

test('field names and option names are in Title Case', () => {
	const wrong = [];
	for (const { file, properties } of registered) {
		walk(properties, file, (property, where) => {
			if (property.type !== 'notice' && property.displayName && !isTitleCase(property.displayName))
				wrong.push(where);
			if (property.type === 'options' || property.type === 'multiOptions') {
				for (const option of property.options ?? [])
					if (!isTitleCase(String(option.name))) wrong.push(`${where} › ${option.name}`);
			}
		});
	}
	expect(wrong).toEqual([]);
});

test('no operation name repeats its resource, and each action agrees with its operation', () => {
	const repeats = [];
	for (const { file, properties } of registered) {
		const resources = Object.fromEntries(
			(properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => [o.value, o.name]),
		);
		for (const menu of properties.filter((p) => p.name === 'operation')) {
			const resourceName = resources[menu.displayOptions?.show?.resource?.[0]];
			for (const option of menu.options) {
				if (resourceName && option.name.toLowerCase().includes(resourceName.toLowerCase()))
					repeats.push(`${file}: ${resourceName} → ${option.name}`);
				// The action starts with the operation's verb ("Get Many" → "Get many …", "Send" → "Send …").
				const verb = option.name.split(' ')[0].toLowerCase();
				if (option.action && !option.action.toLowerCase().startsWith(verb))
					repeats.push(`${file}: ${option.name} / ${option.action}`);
			}
		}
	}
	expect(repeats).toEqual([]);
});

test('free-text ID fields show a placeholder, and no operation asks for an App ID of its own', () => {
	const missing = [];
	const appIds = [];
	for (const { file, properties } of registered) {
		walk(properties, file, (property, where) => {
			const isId = /ID$/.test(property.displayName ?? '') && property.type === 'string';
			if (isId && !property.placeholder && !String(property.default ?? '').startsWith('='))
				missing.push(where);
			if (property.name === 'appId' && property.required) appIds.push(where);
		});
	}
	expect(missing).toEqual([]);
	expect(appIds).toEqual([]);
});
