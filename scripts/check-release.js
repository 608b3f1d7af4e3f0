#!/usr/bin/env node
/**
 * Release gate, run by .github/workflows/publish.yml right before `npm publish --provenance`.
 *
 * npm only attaches provenance when package.json's repository.url names the GitHub repository that runs the
 * publish, and n8n's verification needs that provenance; a placeholder URL would therefore fail the publish late,
 * after the tarball is built. This checks the facts a release must state truly, all at once, and names each one
 * that is wrong.
 *
 * Usage: node scripts/check-release.js [packageDir]
 * Reads GITHUB_REPOSITORY ("owner/name") and GITHUB_REF_NAME (the tag, "v1.2.3") as GitHub Actions sets them.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** "git+https://github.com/Owner/Name.git" → "owner/name"; undefined when it is not a GitHub URL. */
function githubRepoOf(url) {
	const match =
		/^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?(?:[/#?].*)?$/i.exec(
			String(url ?? '').trim(),
		);
	return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

function releaseProblems(packageDir, { repository, tag }) {
	const problems = [];
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const version = pkg.version;

	if (!tag) problems.push('GITHUB_REF_NAME (the release tag) is not set.');
	else if (tag !== `v${version}`)
		problems.push(`Tag ${tag} does not match package.json version ${version}: tag v${version}.`);

	const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const declared = githubRepoOf(repositoryUrl);
	if (!repository)
		problems.push('GITHUB_REPOSITORY (owner/name of the publishing repository) is not set.');
	else if (declared !== repository.toLowerCase())
		problems.push(
			`package.json repository.url is "${repositoryUrl ?? ''}", but this publish runs in github.com/${repository}; ` +
				'npm provenance needs them to be the same repository.',
		);

	const bugsUrl = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;
	if (githubRepoOf(bugsUrl) !== declared || declared === undefined)
		problems.push(
			`package.json bugs.url "${bugsUrl ?? ''}" must point at the same GitHub repository's issues.`,
		);

	const email =
		typeof pkg.author === 'string' ? /<([^>]+)>/.exec(pkg.author)?.[1] : pkg.author?.email;
	if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		problems.push('package.json author needs an email address (n8n community package rule).');

	const changelogPath = path.join(packageDir, 'CHANGELOG.md');
	const changelog = fs.existsSync(changelogPath) ? fs.readFileSync(changelogPath, 'utf8') : '';
	const escaped = String(version).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`, 'm').test(changelog))
		problems.push(
			`CHANGELOG.md needs a dated heading for this release: "## [${version}] - YYYY-MM-DD".`,
		);

	return problems;
}

module.exports = { githubRepoOf, releaseProblems };

if (require.main === module) {
	const packageDir = path.resolve(process.argv[2] ?? '.');
	const problems = releaseProblems(packageDir, {
		repository: process.env.GITHUB_REPOSITORY,
		tag: process.env.GITHUB_REF_NAME,
	});
	if (problems.length > 0) {
		console.error('Not releasable yet:');
		for (const problem of problems) console.error(`- ${problem}`);
		process.exit(1);
	}
	console.log(
		'Release metadata checked: tag, repository, bugs, author email and CHANGELOG entry agree.',
	);
}
